// A generated 200-phase workflow with fan-out and long names, and a 1 MB
// markdown artifact, as one project file (the single-file export format,
// docs/storage.md) the page imports: the load for bench/web/frame_bench.mjs
// and tests/browser/graph_view.test.mjs. Deterministic: same bytes each run.
import { createHash } from 'node:crypto';

const TOPICS = ['INGESTION', 'BILLING', 'IDENTITY', 'SEARCH', 'NOTIFICATIONS', 'REPORTING', 'SCHEDULING', 'STORAGE',
                'PAYMENTS', 'AUDIT', 'MESSAGING', 'ONBOARDING', 'ANALYTICS', 'EXPORTS', 'PERMISSIONS', 'SYNC',
                'LOCALISATION', 'ACCESSIBILITY', 'OBSERVABILITY', 'RECOVERY'];
const ASPECTS = ['REQUIREMENTS_AND_ACCEPTANCE_CRITERIA', 'DATA_MODEL_AND_RETENTION_RULES',
                 'API_CONTRACTS_AND_FAILURE_MODES', 'INTERFACE_COMPONENTS_AND_STATES'];

// Levels: 1 root, 20 subsystems, 80 aspects (4 per subsystem), 60 reviews
// over pairs of aspects, 29 checks fanning out over their inputs' artifacts,
// 9 summaries, 1 index: 200 phases.
export function largeWorkflow() {
  const phases = [];
  const add = (name, deps, extra = {}) => phases.push({ name, deps, ...extra });
  add('ANALYSIS_OF_THE_PRODUCT_BRIEF_GOALS_USERS_AND_CONSTRAINTS', []);
  const subsystems = TOPICS.map((t) => `SUBSYSTEM_${t}_SCOPE_AND_BOUNDARIES`);
  for (const s of subsystems) add(s, [phases[0].name]);
  const aspects = [];
  TOPICS.forEach((t, i) => ASPECTS.forEach((a) => {
    const name = `${t}_${a}`;
    aspects.push(name);
    add(name, [subsystems[i]]);
  }));
  const reviews = [];
  for (let i = 0; i < 60; ++i) {
    const name = `REVIEW_${String(i + 1).padStart(2, '0')}_CROSS_CHECK_OF_${aspects[i].split('_')[0]}_AND_${aspects[(i * 7 + 5) % 80].split('_')[0]}`;
    reviews.push(name);
    add(name, [aspects[i], aspects[(i * 7 + 5) % 80]]);
  }
  const checks = [];
  for (let i = 0; i < 29; ++i) {
    const name = `CONSISTENCY_CHECK_${String(i + 1).padStart(2, '0')}_OVER_EVERY_ARTIFACT_OF_ITS_INPUTS`;
    checks.push(name);
    add(name, [reviews[i * 2 % 60], reviews[(i * 2 + 1) % 60]], { fanOut: true });
  }
  const summaries = [];
  for (let i = 0; i < 9; ++i) {
    const name = `SUMMARY_${i + 1}_FOR_STAKEHOLDERS_WITH_OPEN_QUESTIONS`;
    summaries.push(name);
    add(name, checks.slice(i * 3, i * 3 + 4).concat(reviews.slice(29 + i * 3, 29 + i * 3 + 3)));
  }
  add('INDEX_OF_THE_WHOLE_SPEC_PACK', summaries.concat(checks.slice(27)));
  if (phases.length !== 200) throw new Error(`generated ${phases.length} phases, not 200`);

  const artifact = (name) => name.toLowerCase().replace(/_/g, '-').slice(0, 60) + '.md';
  let yaml = 'name: Generated 200-phase benchmark workflow\n' +
             'description: Two hundred phases with fan-out and long names, for the frame benchmark.\n' +
             'frontmatter_fields: [title, artifact, phase, agent, version]\n\nphases:\n';
  for (const p of phases) {
    yaml += `  ${p.name}:\n`;
    yaml += `    description: Write ${artifact(p.name)} from its inputs.\n`;
    yaml += `    agent: ${p.deps.length === 0 ? 'analyst' : 'product_manager'}\n`;
    yaml += `    phase_type: ${p.deps.length === 0 ? 'analysis' : 'spec'}\n`;
    yaml += `    produces: [${artifact(p.name)}]\n`;
    if (p.deps.length) yaml += `    depends_on: [${p.deps.join(', ')}]\n`;
    if (p.fanOut) yaml += '    fan_out: {items: artifacts}\n';
    yaml += '    validators: [presence]\n';
  }
  return { yaml, phases: phases.length, edges: phases.reduce((n, p) => n + p.deps.length, 0) };
}

// About `bytes` of markdown: sections of paragraphs, lists, tables and code.
export function largeMarkdown(bytes = 1 << 20) {
  const parts = ['# Reference notes\n\n'];
  let size = parts[0].length;
  for (let s = 1; size < bytes; ++s) {
    const block = `## Section ${s}\n\n` +
      `Paragraph ${s} explains how the ${TOPICS[s % 20].toLowerCase()} subsystem treats its records, which rules ` +
      'apply when two of them disagree, and what a person sees when a rule cannot be met. It is long enough to ' +
      'wrap several times in the side panel, which is the point of it.\n\n' +
      `- item one of section ${s}\n- item two, with a little more text\n- item three\n\n` +
      '| field | type | rule | note |\n|---|---|---|---|\n' +
      `| id_${s} | uuid | required | assigned on create |\n| name | text | 1-120 chars | trimmed |\n\n` +
      '```\n' + `const section${s} = load("section-${s}.json"); // a code line that is wider than the panel, on purpose\n` + '```\n\n';
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// The project file: the workflow, a brief, and `extra` artifacts ({name: content}).
export function projectFile(name, workflowYaml, extra = {}) {
  const brief = '# Benchmark brief\n\nA product with twenty subsystems, to load the graph view.\n\n' +
                '## Users\n- People who read large spec packs\n\n## Features\n- Everything, twice\n';
  return JSON.stringify({
    format: 'specwave-project',
    format_version: 1,
    project: { name, workflow_name: 'generated-200.yml', brief, workflow_yaml: workflowYaml, settings: {} },
    artifacts: Object.entries(extra).map(([artifact, content]) => ({
      name: artifact,
      versions: [{ version: 1, sha256: sha256(content), author: 'user', content }],
    })),
  });
}
