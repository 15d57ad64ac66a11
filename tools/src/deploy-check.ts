import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadAll } from 'js-yaml';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as batch from 'kubernetes-models/batch/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import { validate as validateResources } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ResourceRequirements';

/**
 * `npm run deploy:check` (CI): the Kubernetes manifests of deploy/kubernetes, checked offline
 * (docs/scaling.md#kubernetes). Runs as it is under Node 24 (type stripping: no build step), so
 * it uses only erasable TypeScript and no relative imports.
 *
 * 1. Every document of every file listed in kustomization.yaml (and no YAML file left out of it)
 *    against the official schema of its kind (the `kubernetes-models` package: the Kubernetes
 *    OpenAPI schemas compiled to validators — types, required fields, enums, formats; like
 *    kubeconform without -strict, an unknown field name is not an error by itself).
 * 2. CloudNativePG's `Cluster`, a custom resource without a schema here: the fields this
 *    deployment relies on (instances, storage, sync replicas, resources against the core schema).
 * 3. The rules of this deployment: no Secret committed; each container of a Deployment or
 *    StatefulSet has readiness and liveness probes, CPU and memory requests and a memory limit;
 *    a workload of more than one replica has a PodDisruptionBudget that selects it; each Service
 *    and budget selects some pods; each referenced ConfigMap exists; each referenced Secret is
 *    one of those the README beside the manifests tells the operator to create.
 *
 * Prints each problem and exits 1 if there is any.
 */

/** Secrets the manifests may reference: created by the operator (README), or by CloudNativePG. */
export const EXTERNAL_SECRETS: Record<string, string[]> = {
  'owes-db-roles': ['applications', 'grants', 'notifications', 'portal'],
  'owes-portal': ['session-secret'],
  'owes-smtp': ['user', 'password'],
  'owes-db-superuser': ['password', 'username'],
};

interface Model {
  validate(): void;
}
type ModelClass = { new (data: object): Model; apiVersion: string; kind: string };

const MODELS = new Map<string, ModelClass>();
for (const group of [core, apps, batch, policy, networking, autoscaling] as unknown as Record<
  string,
  unknown
>[])
  for (const value of Object.values(group)) {
    if (typeof value !== 'function') continue;
    const cls = value as unknown as Partial<ModelClass>;
    if (typeof cls.apiVersion === 'string' && typeof cls.kind === 'string')
      MODELS.set(`${cls.apiVersion} ${cls.kind}`, cls as ModelClass);
  }

interface Doc {
  file: string;
  index: number;
  body: Record<string, any>;
}

const where = (d: Doc) =>
  `${d.file}#${d.index + 1} ${d.body.kind ?? '?'}/${d.body.metadata?.name ?? '?'}`;

/** Problems found in the manifests of `dir` (empty: all good). */
export function checkManifests(dir: string): string[] {
  const problems: string[] = [];
  const kustomizationFile = join(dir, 'kustomization.yaml');
  if (!existsSync(kustomizationFile)) return [`${dir}: no kustomization.yaml`];
  const kustomization = loadAll(readFileSync(kustomizationFile, 'utf8'))[0] as Record<string, any>;
  if (kustomization?.kind !== 'Kustomization')
    problems.push('kustomization.yaml: not a Kustomization');
  const listed: string[] = Array.isArray(kustomization?.resources) ? kustomization.resources : [];
  const yamlFiles = readdirSync(dir).filter(
    (f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml',
  );
  for (const f of yamlFiles)
    if (!listed.includes(f)) problems.push(`${f}: not listed in kustomization.yaml resources`);

  const docs: Doc[] = [];
  for (const file of listed) {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push(`kustomization.yaml: resource ${file} does not exist`);
      continue;
    }
    try {
      loadAll(readFileSync(path, 'utf8')).forEach((body, index) => {
        if (body === null || body === undefined) return;
        if (typeof body !== 'object') problems.push(`${file}#${index + 1}: not a mapping`);
        else docs.push({ file, index, body: body as Record<string, any> });
      });
    } catch (error) {
      problems.push(`${file}: YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  for (const d of docs) problems.push(...checkSchema(d));
  problems.push(...checkRules(docs));
  return problems;
}

function checkSchema(d: Doc): string[] {
  const { apiVersion, kind, metadata } = d.body;
  if (!apiVersion || !kind) return [`${where(d)}: apiVersion and kind are required`];
  if (!metadata?.name) return [`${where(d)}: metadata.name is required`];
  if (apiVersion === 'postgresql.cnpg.io/v1' && kind === 'Cluster') return checkCnpgCluster(d);
  const model = MODELS.get(`${apiVersion} ${kind}`);
  if (!model) return [`${where(d)}: ${apiVersion} ${kind} is not a kind this check knows`];
  try {
    new model(d.body).validate();
    return [];
  } catch (error) {
    const e = error as Error & { errors?: { instancePath: string; message?: string }[] };
    const details = e.errors?.map((x) => `${x.instancePath || '/'} ${x.message ?? ''}`.trim());
    return [`${where(d)}: ${details?.length ? details.join('; ') : e.message}`];
  }
}

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** CloudNativePG's Cluster: the fields this deployment relies on (its CRD is not bundled here). */
function checkCnpgCluster(d: Doc): string[] {
  const spec = d.body.spec as Record<string, any> | undefined;
  const out: string[] = [];
  const bad = (what: string) => out.push(`${where(d)}: ${what}`);
  if (!spec || typeof spec !== 'object') return [`${where(d)}: spec is required`];
  if (!Number.isInteger(spec.instances) || spec.instances < 1)
    bad('/spec/instances must be an integer ≥ 1');
  if (typeof spec.storage?.size !== 'string' || !QUANTITY.test(spec.storage.size))
    bad('/spec/storage/size must be a quantity such as 20Gi');
  for (const key of ['minSyncReplicas', 'maxSyncReplicas'])
    if (spec[key] !== undefined && (!Number.isInteger(spec[key]) || spec[key] < 0))
      bad(`/spec/${key} must be an integer ≥ 0`);
  if ((spec.maxSyncReplicas ?? 0) >= (spec.instances ?? 1))
    bad('/spec/maxSyncReplicas must be less than instances');
  if ((spec.minSyncReplicas ?? 0) > (spec.maxSyncReplicas ?? 0))
    bad('/spec/minSyncReplicas must not exceed maxSyncReplicas');
  if (spec.resources !== undefined && !validateResources(spec.resources)) {
    const errors = (validateResources as { errors?: { instancePath: string; message?: string }[] })
      .errors;
    bad(`/spec/resources${errors?.[0]?.instancePath ?? ''} ${errors?.[0]?.message ?? 'invalid'}`);
  }
  const params = spec.postgresql?.parameters as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params ?? {}))
    if (typeof v !== 'string') bad(`/spec/postgresql/parameters/${k} must be a string`);
  return out;
}

const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  !!selector &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v);

function checkRules(docs: Doc[]): string[] {
  const out: string[] = [];
  const configMaps = new Set(
    docs.filter((d) => d.body.kind === 'ConfigMap').map((d) => d.body.metadata.name),
  );
  const workloads = docs.filter((d) => ['Deployment', 'StatefulSet', 'Job'].includes(d.body.kind));
  const podLabels = (d: Doc): Record<string, string> =>
    d.body.spec?.template?.metadata?.labels ?? {};
  const budgets = docs.filter((d) => d.body.kind === 'PodDisruptionBudget');

  for (const d of docs) {
    if (d.body.kind === 'Secret')
      out.push(`${where(d)}: a Secret is committed; reference one the operator creates`);
    if (d.body.kind === 'Service' && d.body.spec?.selector)
      if (!workloads.some((w) => selects(d.body.spec.selector, podLabels(w))))
        out.push(`${where(d)}: its selector matches no workload's pods`);
    if (d.body.kind === 'PodDisruptionBudget')
      if (!workloads.some((w) => selects(d.body.spec?.selector?.matchLabels, podLabels(w))))
        out.push(`${where(d)}: its selector matches no workload's pods`);
  }

  for (const w of workloads) {
    const pod = w.body.spec?.template?.spec ?? {};
    const containers: Record<string, any>[] = [
      ...(pod.initContainers ?? []),
      ...(pod.containers ?? []),
    ];
    for (const c of containers) {
      const name = `${where(w)} container ${c.name}`;
      for (const ref of c.envFrom ?? []) {
        if (ref.configMapRef && !configMaps.has(ref.configMapRef.name))
          out.push(`${name}: ConfigMap ${ref.configMapRef.name} is not in the manifests`);
        if (ref.secretRef && !(ref.secretRef.name in EXTERNAL_SECRETS))
          out.push(`${name}: Secret ${ref.secretRef.name} is not one the README lists`);
      }
      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !configMaps.has(cm.name))
          out.push(`${name}: ConfigMap ${cm.name} is not in the manifests`);
        const s = e.valueFrom?.secretKeyRef;
        if (s && !EXTERNAL_SECRETS[s.name]?.includes(s.key))
          out.push(`${name}: Secret ${s.name} key ${s.key} is not one the README lists`);
      }
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory)
        out.push(`${name}: needs CPU and memory requests`);
      if (!c.resources?.limits?.memory) out.push(`${name}: needs a memory limit`);
    }
    if (w.body.kind === 'Job') continue;
    for (const c of pod.containers ?? []) {
      if (!c.readinessProbe) out.push(`${where(w)} container ${c.name}: needs a readinessProbe`);
      if (!c.livenessProbe) out.push(`${where(w)} container ${c.name}: needs a livenessProbe`);
    }
    if ((w.body.spec?.replicas ?? 1) > 1)
      if (!budgets.some((b) => selects(b.body.spec?.selector?.matchLabels, podLabels(w))))
        out.push(`${where(w)}: ${w.body.spec.replicas} replicas but no PodDisruptionBudget`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? 'deploy/kubernetes');
  const problems = checkManifests(dir);
  const files = readdirSync(dir).filter(
    (f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml',
  ).length;
  for (const p of problems) console.error(`deploy:check: ${p}`);
  console.log(
    problems.length
      ? `deploy:check: ${problems.length} problem(s) in ${basename(dir)}`
      : `deploy:check: kustomization and ${files} manifest files in ${basename(dir)} valid (schemas of ${MODELS.size} kinds, CloudNativePG Cluster fields, deployment rules)`,
  );
  process.exitCode = problems.length ? 1 : 0;
}
