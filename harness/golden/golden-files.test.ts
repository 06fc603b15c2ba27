import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyDeviations, loadDeviations } from './deviations';
import { GoldenFileError, goldenPath, readGolden, writeGolden } from './golden-store';
import type { GoldenFile } from './schema';

const dir = mkdtempSync(join(tmpdir(), 'idchain-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const golden: GoldenFile = {
  case: { id: 'enhanced/x', suite: 'enhanced-flow', title: 'X' },
  provenance: {
    target: 'reference',
    targetKind: 'emulator',
    region: 'us-east-1',
    recordedAt: '2026-11-01',
    lastValidatedAt: '2026-11-01',
    harnessVersion: '0.1.0',
    sdkVersions: {},
  },
  steps: [{ service: 'sts', operation: 'GetCallerIdentity', input: {}, output: { Arn: 'a' }, httpStatus: 200 }],
};

describe('golden files', () => {
  it('are written with sorted keys and read back unchanged', () => {
    const file = goldenPath(dir, 'reference', 'enhanced-flow', 'enhanced/x');
    expect(file).toBe(join(dir, 'reference', 'enhanced-flow', 'x.json'));
    writeGolden(file, golden);
    const text = readFileSync(file, 'utf8');
    expect(text.indexOf('"case"')).toBeLessThan(text.indexOf('"provenance"'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(readGolden(file)).toEqual(golden);
  });

  it('refuse the aws label on an emulator recording, and an emulator label on aws', () => {
    expect(() => writeGolden(join(dir, 'bad.json'), { ...golden, provenance: { ...golden.provenance, target: 'aws' } })).toThrow(/only a recording made on real AWS may be labelled 'aws'/);
  });

  it('a hand-broken golden is an error naming the file and the path (exit code 2)', () => {
    const file = join(dir, 'broken', 'enhanced-flow', 'x.json');
    mkdirSync(join(dir, 'broken', 'enhanced-flow'), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...golden, steps: [{ service: 'sts', operation: 'GetCallerIdentity', input: {}, error: { name: 'X' } }] }));
    expect(() => readGolden(file)).toThrow(GoldenFileError);
    expect(() => readGolden(file)).toThrow(/x\.json does not match the golden schema at steps\.0\.error\.message/);
    expect(new GoldenFileError('x').exitCode).toBe(2);
    writeFileSync(file, '{ not json');
    expect(() => readGolden(file)).toThrow(/is not valid JSON/);
  });
});

describe('deviations', () => {
  const finding = (path: string) => ({ path, kind: 'golden' as const, expected: 1, actual: 2 });

  it('mark only the findings whose path they name, keeping the reason', () => {
    const out = applyDeviations('enhanced/x', [finding('GetId#1.output.IdentityId'), finding('GetId#1.error')], [
      { case: 'enhanced/*', paths: ['GetId#*.output.*'], reason: 'moto numbers identities differently' },
    ]);
    expect(out.map((f) => [f.path, f.kind])).toEqual([
      ['GetId#1.output.IdentityId', 'deviation'],
      ['GetId#1.error', 'golden'],
    ]);
    expect(out[0].source).toBe('accepted deviation: moto numbers identities differently');
  });

  it('need a reason; a file without one is refused with exit code 2', () => {
    mkdirSync(join(dir, 'deviations'), { recursive: true });
    writeFileSync(join(dir, 'deviations', 'moto.json'), JSON.stringify({ target: 'moto', deviations: [{ case: 'x/y', paths: ['a'] }] }));
    expect(() => loadDeviations('moto', join(dir, 'deviations'))).toThrow(/malformed at deviations\.0\.reason/);
    expect(loadDeviations('nobody', join(dir, 'deviations'))).toEqual([]);
  });
});
