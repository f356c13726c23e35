import type { LoadReport } from './load';

const pad = (value: string | number, width: number) => String(value).padStart(width);

/** The figures as `npm run load` prints them. */
export function formatReport(report: LoadReport): string[] {
  const { options, crash } = report;
  const lines = [
    `Load: ${options.clients} clients × ${options.durationSeconds} s (${report.users} users, seed ${options.seed}) against ${report.url}`,
    '',
    `${'operation'.padEnd(38)}${pad('calls', 8)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('errors', 8)}`,
  ];
  for (const f of report.figures) {
    lines.push(
      `${f.operation.padEnd(38)}${pad(f.calls, 8)}${pad(f.perSecond.toFixed(1), 9)}${pad(f.p50Ms.toFixed(1), 9)}` +
        `${pad(f.p99Ms.toFixed(1), 9)}${pad(f.maxMs.toFixed(0), 9)}${pad(f.errors, 8)}`,
    );
  }
  lines.push(
    `${'total'.padEnd(38)}${pad(report.totalRequests, 8)}${pad((report.totalRequests / report.seconds).toFixed(1), 9)}`,
    '',
    `emulator counted ${report.emulatorCounted.total} identified calls; still running after the traffic: ${report.emulatorSurvivedTraffic ? 'yes' : 'NO'}`,
    `asked-for errors: ${Object.keys(report.asked).length === 0 ? 'none' : Object.entries(report.asked).map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    `unexpected errors: ${report.unexpected.length === 0 ? 'none' : report.unexpected.length}`,
  );
  for (const e of report.unexpected.slice(0, 20)) lines.push(`  ${e.operation}: ${e.code} ${e.status ?? ''} ${e.message}`);
  lines.push(
    '',
    `kill -9 in a write burst: ${crash.acknowledgedObjects} PutObject and ${crash.acknowledgedPasswordChanges} password changes acknowledged, ${crash.cutOff} requests cut off`,
    `after restart: ${crash.jsonFiles} data files, ${crash.tornFiles.length} torn, ${crash.tempFilesAfterRestart} temp files left; ` +
      `${crash.acknowledgedObjects - crash.brokenObjects.length}/${crash.acknowledgedObjects} objects intact; ` +
      `last password kept: ${crash.passwordKept ? 'yes' : 'NO'}; users signing in: ${crash.usersSigningIn}/${crash.usersChecked}`,
    `result: ${passed(report) ? 'PASS' : 'FAIL'}`,
  );
  return lines;
}

export function passed(report: LoadReport): boolean {
  return report.unexpected.length === 0 && report.emulatorSurvivedTraffic && report.crash.ok;
}
