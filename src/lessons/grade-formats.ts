// A grade report written for whoever reads it: a teacher (a table), exercism's test runners
// (results.json v3, with points), CI test panels (JUnit XML), TAP 14 consumers, and an LMS
// (CSV, one row per learner). Pure text: src/io/ prints it.
import type { GradeReport, TestResult } from './grade.js';

export const GRADE_FORMATS = ['human', 'json', 'junit', 'tap'] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

export function formatReport(r: GradeReport, format: GradeFormat, name = 'overlay-tutor'): string {
  switch (format) {
    case 'human':
      return human(r);
    case 'json':
      return `${JSON.stringify(exercism(r), null, 2)}\n`;
    case 'junit':
      return junit(r, name);
    case 'tap':
      return tap(r);
  }
}

const pts = (n: number) => String(Math.round(n * 100) / 100);

function human(r: GradeReport): string {
  if (r.status === 'error') return `✗ ${r.message}\n`;
  const who = [r.learner && `learner ${r.learner}`, r.set && `set ${r.set}`, r.seed !== undefined && `seed ${r.seed}`]
    .filter(Boolean)
    .join(', ');
  const rows = r.tests.map((t) => [
    t.status === 'pass' ? '✓' : '✗',
    t.name,
    `${pts(t.points)}/${pts(t.maxPoints)}`,
    t.message ?? '',
  ]);
  const head = ['', 'step', 'points', 'why'];
  const widths = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c))
      .join('  ')
      .trimEnd();
  const passed = r.tests.filter((t) => t.status === 'pass').length;
  return [
    ...(who ? [who] : []),
    line(head),
    ...rows.map(line),
    `${passed} of ${r.tests.length} steps passed; ${pts(r.points)} of ${pts(r.maxPoints)} points`,
    ...r.notes.map((n) => `note: ${n}`),
    '',
  ].join('\n');
}

/** exercism's results.json, version 3 (status pass|fail|error, message, tests with name, status,
 * message, output of at most 500 characters, task_id), with points beside its fields. */
function exercism(r: GradeReport) {
  return {
    version: 3,
    status: r.status,
    message: r.status === 'error' ? (r.message ?? null) : null,
    ...(r.learner !== undefined ? { learner: r.learner } : {}),
    ...(r.set !== undefined ? { set: r.set } : {}),
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
    points: r.points,
    max_points: r.maxPoints,
    tests: r.tests.map((t) => ({
      name: t.name,
      status: t.status,
      message: t.message ?? null,
      output: t.output ? t.output.slice(-500) : null,
      task_id: t.taskId,
      points: t.points,
      max_points: t.maxPoints,
    })),
    ...(r.notes.length ? { notes: r.notes } : {}),
  };
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // XML 1.0 has no place for most control characters: they would make the file unreadable.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

function junit(r: GradeReport, name: string): string {
  if (r.status === 'error') {
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="${xml(name)}" tests="1" failures="0" errors="1">`,
      `  <testsuite name="${xml(name)}" tests="1" failures="0" errors="1">`,
      `    <testcase classname="${xml(name)}" name="transcript">`,
      `      <error message="${xml(r.message ?? '')}" type="invalid"/>`,
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
  }
  const failures = r.tests.filter((t) => t.status === 'fail').length;
  const time = seconds(r.tests.reduce((a, t) => a + (t.ms ?? 0), 0));
  const suite = r.set ?? name;
  const testcase = (t: TestResult) => {
    const [lesson] = t.name.split('/');
    const open = `    <testcase classname="${xml(lesson ?? suite)}" name="${xml(t.name)}" time="${seconds(t.ms)}">`;
    const props = [
      '      <properties>',
      `        <property name="points" value="${pts(t.points)}"/>`,
      `        <property name="max_points" value="${pts(t.maxPoints)}"/>`,
      '      </properties>',
    ];
    const failure =
      t.status === 'fail' ? [`      <failure message="${xml(t.message ?? 'failed')}" type="check"/>`] : [];
    const out = t.output ? [`      <system-out>${xml(t.output)}</system-out>`] : [];
    return [open, ...props, ...failure, ...out, '    </testcase>'];
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${r.tests.length}" failures="${failures}" errors="0" time="${time}">`,
    `  <testsuite name="${xml(suite)}" tests="${r.tests.length}" failures="${failures}" errors="0" time="${time}">`,
    '    <properties>',
    ...(r.learner !== undefined ? [`      <property name="learner" value="${xml(r.learner)}"/>`] : []),
    ...(r.seed !== undefined ? [`      <property name="seed" value="${r.seed}"/>`] : []),
    `      <property name="points" value="${pts(r.points)}"/>`,
    `      <property name="max_points" value="${pts(r.maxPoints)}"/>`,
    '    </properties>',
    ...r.tests.flatMap(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** A YAML string on one line (TAP 14's diagnostics are YAML). */
const yamlString = (s: string) => JSON.stringify(s);

function tap(r: GradeReport): string {
  if (r.status === 'error') return `TAP version 14\n1..0 # skip\nBail out! ${r.message?.replace(/\n/g, ' ')}\n`;
  const lines = ['TAP version 14', `1..${r.tests.length}`];
  r.tests.forEach((t, i) => {
    // A description may not hold `#` unescaped: it would start a directive.
    lines.push(`${t.status === 'pass' ? 'ok' : 'not ok'} ${i + 1} - ${t.name.replace(/[#\\]/g, (c) => `\\${c}`)}`);
    lines.push('  ---');
    lines.push(`  points: ${pts(t.points)}`);
    lines.push(`  max_points: ${pts(t.maxPoints)}`);
    if (t.message) lines.push(`  message: ${yamlString(t.message)}`);
    if (t.status === 'fail' && t.output) lines.push(`  output: ${yamlString(t.output)}`);
    lines.push('  ...');
  });
  lines.push(`# ${pts(r.points)} of ${pts(r.maxPoints)} points`);
  for (const n of r.notes) lines.push(`# note: ${n}`);
  return `${lines.join('\n')}\n`;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One row per transcript: the learner, the total, the status, then each step's points, in the
 * columns of the steps met across all reports (an LMS imports it as a grade sheet). */
export function formatCsv(rows: { file: string; report: GradeReport }[]): string {
  const steps: string[] = [];
  for (const { report } of rows) for (const t of report.tests) if (!steps.includes(t.name)) steps.push(t.name);
  const head = ['learner', 'file', 'status', 'points', 'max_points', ...steps, 'message'];
  const body = rows.map(({ file, report: r }) => [
    r.learner ?? '',
    file,
    r.status,
    r.status === 'error' ? '' : pts(r.points),
    r.status === 'error' ? '' : pts(r.maxPoints),
    ...steps.map((s) => {
      const t = r.tests.find((x) => x.name === s);
      return t ? pts(t.points) : '';
    }),
    r.message ?? '',
  ]);
  return `${[head, ...body].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
