// Your own workflow in the browser (issue #19): a project from a pasted
// workflow with its own phase names and a custom agent's prompt runs offline
// to the end; an invalid edit shows its error at its line and leaves the
// project as it was; a valid draft is drawn at once; a phase's prompt edited
// in the phase panel marks that phase and its dependents stale, and the
// regeneration makes them current again. Screenshots go to build/browser/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUT, waitForApp, waitForProject, waitForState, watchConsole, siteAndBrowser } from './support.mjs';

const WORKFLOW = `# A newsletter, planned and written by our own agents.
name: Harbour newsletter
description: Who reads it, the issue's plan, one article per planned section.

phases:
  AUDIENCE:
    description: Who reads the newsletter and what they want from it.
    agent: audience_researcher   # a custom agent: its prompt is its task
    phase_type: analysis
    produces: [audience.md]
    prompt: |
      Describe the readers of {{produces}} ({{phase}}): {{description}}
    validators: [presence]

  ISSUE_PLAN:
    description: The sections of the next issue, one heading each.
    agent: editor_in_chief
    phase_type: spec
    produces: [issue-plan.md]
    depends_on: [AUDIENCE]
    prompt: "Plan {{produces}}: one '## ' heading per section."
    validators: [presence]

  ARTICLES:
    description: One article per section of the plan.
    agent: staff_writer
    phase_type: spec
    produces: [articles.md]
    depends_on: [ISSUE_PLAN]
    fan_out: {over: issue-plan.md, items: "## headings"}
    validators: [presence]

  PACK:
    description: The issue's index.
    agent: release
    phase_type: done
    produces: [spec-pack.md]
    depends_on: [ARTICLES]
`;

const BRIEF = '# Harbour newsletter\n\nA monthly letter for the people who moor boats in the harbour.\n\n' +
  '## Users\n\n- Boat owners\n- Harbour staff\n\n## Features\n\n- Tide tables\n- Events\n';

const env = siteAndBrowser();  // the built site on a static server, one Chromium

const ended = (s) => !s.running && s.run_status !== 'running' && s.run_status !== '';

async function openWithCustomWorkflow(page) {
  await page.goto(env.server.url);
  await waitForApp(page);
  await waitForProject(page);
  await page.evaluate(([brief, yaml]) => window.specwave.createProject('Harbour newsletter', brief, yaml, 'newsletter.yml'),
                      [BRIEF, WORKFLOW]);
  return waitForState(page, (s) => s.project_name === 'Harbour newsletter' && s.spec_phases === 4 &&
                                   s.phases_drawn === 4, 'the new project drawn');
}

test('a pasted workflow with its own phases and agents runs offline to the end', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  const opened = await openWithCustomWorkflow(page);
  assert.deepEqual(opened.phases.map((p) => p.name), ['AUDIENCE', 'ISSUE_PLAN', 'ARTICLES', 'PACK']);
  assert.equal(opened.phases[0].agent, 'audience_researcher');
  assert.equal(opened.workflow_name, 'newsletter.yml');

  await page.evaluate(() => window.specwave.run(0));
  const done = await waitForState(page, ended, 'the run to end', 120000);
  assert.equal(done.run_status, 'succeeded');
  assert.ok(done.phases.every((p) => p.status === 'succeeded'), JSON.stringify(done.phases));
  assert.equal(done.artifacts, 4);
  const metrics = await page.evaluate(() => window.specwave.metrics());
  const articles = metrics.phases.find((p) => p.name === 'ARTICLES');
  assert.ok(articles.items > 1, 'ARTICLES fanned out over the plan\'s sections');
  await page.screenshot({ path: path.join(OUT, 'workflow-custom-dag.png') });

  // An invalid edit: a dependency that does not exist. The editor says where,
  // marks the line, and the project keeps its workflow and its finished run.
  const bad = WORKFLOW.replace('depends_on: [AUDIENCE]', 'depends_on: [AUDIENSE]');
  const badLine = bad.split('\n').findIndex((l) => l.includes('depends_on: [AUDIENSE]')) + 1;
  await page.evaluate((text) => window.specwave.typeWorkflow(text), bad);
  const invalid = await waitForState(page, (s) => s.workflow.on_screen && !s.workflow.valid && s.workflow.marked_line > 0,
                                     'the error marked');
  const problem = invalid.workflow.problems.find((p) => p.error);
  assert.match(problem.message, /unknown dependency 'AUDIENSE'/);
  assert.equal(problem.line, badLine);
  assert.equal(invalid.workflow.marked_line, badLine);
  assert.ok(invalid.workflow.lines_drawn > 10, 'line numbers are drawn');
  assert.equal(invalid.workflow.draft_drawn, false, 'an invalid draft is never drawn as the graph');
  await page.screenshot({ path: path.join(OUT, 'workflow-editor-error.png') });
  await page.evaluate(() => window.specwave.applyWorkflow());
  const refused = await waitForState(page, (s) => /problems/.test(s.banner), 'the apply refused');
  assert.equal(refused.spec_phases, 4);
  assert.ok(refused.phases.every((p) => p.status === 'succeeded' && !p.stale));
  assert.deepEqual(refused.workflow.versions, []);

  // A valid draft with one more phase: the graph shows it at once, before Apply.
  const more = WORKFLOW.replace('  PACK:\n', `  CORRECTIONS:
    description: What the last issue got wrong.
    agent: fact_checker
    phase_type: spec
    produces: [corrections.md]
    depends_on: [AUDIENCE]
    prompt: "List corrections for {{phase}}."

  PACK:
`).replace('depends_on: [ARTICLES]', 'depends_on: [ARTICLES, CORRECTIONS]');
  await page.evaluate((text) => window.specwave.typeWorkflow(text), more);
  const drawn = await waitForState(page, (s) => s.workflow.on_screen && s.workflow.valid && s.workflow.draft_drawn &&
                                                s.phases_drawn === 5, 'the draft drawn');
  assert.equal(drawn.spec_phases, 4, 'not applied yet');
  assert.ok(drawn.workflow.changed_phases.includes('CORRECTIONS: new phase'));
  await page.screenshot({ path: path.join(OUT, 'workflow-draft-dag.png') });
  await page.evaluate(() => window.specwave.applyWorkflow());
  const applied = await waitForState(page, (s) => s.spec_phases === 5 && !s.workflow.dirty, 'the draft applied');
  assert.equal(applied.workflow.versions.length, 2);
  assert.ok(applied.phases.find((p) => p.name === 'PACK').stale, 'PACK reads a new input: stale');
  assert.ok(!applied.phases.find((p) => p.name === 'ARTICLES').stale);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phase prompt edited in the phase panel marks it and its dependents stale', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await openWithCustomWorkflow(page);
  await page.evaluate(() => window.specwave.run(0));
  assert.equal((await waitForState(page, ended, 'the run to end', 120000)).run_status, 'succeeded');

  await page.evaluate(() => window.specwave.selectPhase('ISSUE_PLAN'));
  await page.evaluate(() => window.specwave.setPhasePrompt('ISSUE_PLAN', 'Plan {{produces}} in three sections.\n'));
  const stale = await waitForState(page, (s) => s.phases.some((p) => p.stale), 'the stale marks');
  const by = Object.fromEntries(stale.phases.map((p) => [p.name, p]));
  assert.equal(by.AUDIENCE.stale, false);
  assert.equal(by.ISSUE_PLAN.stale, true);
  assert.equal(by.ARTICLES.stale, true);
  assert.equal(by.PACK.stale, true);
  assert.match(by.ISSUE_PLAN.stale_reason, /phase ISSUE_PLAN's prompt changed in workflow v2/);
  assert.match(by.ARTICLES.stale_reason, /via ISSUE_PLAN -> ARTICLES/);
  assert.equal(stale.workflow.versions.length, 2);
  assert.ok(stale.impact, 'the change and its impact are shown');
  await page.screenshot({ path: path.join(OUT, 'workflow-prompt-stale.png') });

  await page.evaluate(() => window.specwave.regenerate('regenerate_all'));
  const regen = await waitForState(page, (s) => s.regeneration && !s.running, 'the regeneration');
  assert.equal(regen.regeneration.success, true);
  await waitForState(page, (s) => s.phases.every((p) => !p.stale), 'nothing stale');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the bundled examples are offered and one runs offline to the end in the browser', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto(env.server.url);
  await waitForApp(page);
  const first = await waitForProject(page);
  assert.deepEqual(first.bundled_workflows, ['landing-page.yml', 'one-feature.yml']);
  // What checking a workflow costs here (on the session's command thread, never the render thread).
  assert.ok(first.workflow.valid && first.workflow.check_ms > 0);
  console.log(`default.yml checked (loader, plan, layout) in ${first.workflow.check_ms.toFixed(2)} ms in this browser`);
  // The same file the picker offers, as served with the app.
  const yaml = await page.evaluate(async () => (await fetch('assets/workflows/one-feature.yml')).text());
  await page.evaluate(([brief, text]) => window.specwave.createProject('One feature', brief, text, 'one-feature.yml'),
                      [BRIEF, yaml]);
  await waitForState(page, (s) => s.project_name === 'One feature' && s.spec_phases === 4 && s.phases_drawn === 4,
                     'the example project');
  await page.evaluate(() => window.specwave.run(0));
  const done = await waitForState(page, ended, 'the run to end', 120000);
  assert.equal(done.run_status, 'succeeded');
  assert.equal(done.workflow_name, 'one-feature.yml');
  assert.deepEqual(errors, []);
  await context.close();
});
