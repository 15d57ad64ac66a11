import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifests } from './deploy-check.js';

const MANIFESTS = join(process.cwd(), 'deploy', 'kubernetes');

/** A copy of the manifests with `edit` applied to one file. */
function withEdit(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'owes-deploy-check-'));
  cpSync(MANIFESTS, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before); // the edit found what it changes
  writeFileSync(path, after);
  return dir;
}

describe('deploy:check (the Kubernetes manifests, docs/scaling.md#kubernetes)', () => {
  const dirs: string[] = [];
  const edited = (file: string, edit: (text: string) => string) => {
    const dir = withEdit(file, edit);
    dirs.push(dir);
    return checkManifests(dir);
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('finds no problem in deploy/kubernetes', () => {
    expect(checkManifests(MANIFESTS)).toEqual([]);
  });

  it('fails a value of the wrong type against the Kubernetes schema', () => {
    const problems = edited('grants.yaml', (t) => t.replace('  replicas: 2', '  replicas: two'));
    expect(problems).toEqual([
      expect.stringMatching(/^grants\.yaml#1 Deployment\/grants: \/spec\/replicas must be integer/),
    ]);
  });

  it('fails a missing required field (a container without its name)', () => {
    const problems = edited('applications.yaml', (t) =>
      t.replace(
        '        - name: applications\n          image: owes-grants',
        '        - image: owes-grants',
      ),
    );
    expect(problems.join('\n')).toMatch(/applications\.yaml#1 Deployment\/applications: .*name/);
  });

  it('fails an invalid CloudNativePG Cluster', () => {
    const problems = edited('postgres.yaml', (t) => t.replace('  instances: 2', '  instances: 1'));
    expect(problems).toEqual([
      'postgres.yaml#1 Cluster/owes-db: /spec/maxSyncReplicas must be less than instances',
    ]);
  });

  it('fails a workload without probes, or a replicated one without a disruption budget', () => {
    const noProbe = edited('portal.yaml', (t) =>
      t.replace(/ {10}readinessProbe:\n(?: {12}.*\n)+/, ''),
    );
    expect(noProbe).toEqual([
      'portal.yaml#1 Deployment/portal container portal: needs a readinessProbe',
    ]);
    const noBudget = edited('nats.yaml', (t) => t.replace(/---\n# One node at a time[\s\S]*$/, ''));
    expect(noBudget).toEqual([
      'nats.yaml#4 StatefulSet/nats: 3 replicas but no PodDisruptionBudget',
    ]);
  });

  it('fails a committed Secret, an unknown Secret key, and a file left out of the kustomization', () => {
    const secret = edited(
      'config.yaml',
      (t) =>
        `${t}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: owes-db-roles\nstringData:\n  grants: x\n`,
    );
    expect(secret).toEqual([
      'config.yaml#3 Secret/owes-db-roles: a Secret is committed; reference one the operator creates',
    ]);
    const key = edited('grants.yaml', (t) => t.replace('key: grants', 'key: grant'));
    expect(key).toEqual([
      'grants.yaml#1 Deployment/grants container grants: Secret owes-db-roles key grant is not one the README lists',
    ]);
    const unlisted = edited('kustomization.yaml', (t) =>
      t.replace('  - network-policies.yaml\n', ''),
    );
    expect(unlisted).toEqual(['network-policies.yaml: not listed in kustomization.yaml resources']);
  });
});
