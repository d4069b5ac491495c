// Validates the Kubernetes deployment without a cluster: renders each overlay (namespace,
// images, JSON patches, as kustomize does for the features deploy/ uses) and checks every
// object against the Kubernetes API schemas and the Strimzi, KEDA and CloudNativePG CRD
// schemas and the Prometheus Operator's (alerts, scraping). When kubectl is installed, what `kubectl kustomize` renders is validated too.
// Exit code 0 only when every object is valid. Run: node validate.mjs
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

const deploy = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = {
  'v1': 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'kafka.strimzi.io/v1beta2': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
  'postgresql.cnpg.io/v1': '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

function documents(text, where) {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new Error(`${where}: ${d.errors[0].message}`);
    return d.toJSON();
  }).filter((d) => d);
}

function kustomization(dir) {
  return documents(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'), dir)[0];
}

/** The objects an overlay renders to, for the kustomize features deploy/ uses. */
function render(dir) {
  const k = kustomization(dir);
  let objects = [];
  for (const resource of k.resources ?? []) {
    const target = resolve(dir, resource);
    objects = objects.concat(existsSync(join(target, 'kustomization.yaml')) ? render(target)
      : documents(readFileSync(target, 'utf8'), target));
  }
  for (const { pairs } of k.labels ?? []) {
    objects.forEach((o) => { o.metadata.labels = { ...(o.metadata.labels ?? {}), ...pairs }; });
  }
  if (k.namespace) objects.forEach((o) => { o.metadata.namespace = k.namespace; });
  for (const image of k.images ?? []) {
    objects.filter((o) => o.kind === 'Deployment').flatMap((o) => o.spec.template.spec.containers)
      .filter((c) => c.image.split(':')[0] === image.name)
      .forEach((c) => { c.image = `${image.newName ?? image.name}:${image.newTag}`; });
  }
  for (const patch of k.patches ?? []) {
    const ops = documents(patch.patch, `${dir} patch`)[0];
    objects.filter((o) => o.kind === patch.target.kind).forEach((o) => ops.forEach((op) => apply(o, op)));
  }
  return objects;
}

function apply(object, op) {
  const keys = op.path.split('/').slice(1);
  const last = keys.pop();
  const parent = keys.reduce((node, key) => node[key], object);
  if (op.op !== 'replace' && op.op !== 'add') throw new Error(`unsupported patch op ${op.op}`);
  if (op.op === 'replace' && !(last in parent)) throw new Error(`patch replaces missing ${op.path} in ${object.kind}`);
  parent[last] = op.value;
}

async function validate(object, where) {
  const module = MODELS[object.apiVersion];
  if (!module) throw new Error(`${where}: no schema known for ${object.apiVersion}`);
  const models = await import(module);
  const Model = models[object.kind];
  if (!Model) throw new Error(`${where}: no ${object.kind} in ${object.apiVersion}`);
  new Model(object).validate();
}

let passed = 0;
let failed = 0;
async function check(objects, label) {
  for (const o of objects) {
    const where = `${label} ${o.kind}/${o.metadata?.name}`;
    try {
      await validate(o, where);
      passed++;
    } catch (e) {
      failed++;
      console.error(`INVALID ${where}: ${e.message}`);
    }
  }
}

function hasKubectl() {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

for (const overlay of ['dev', 'prod']) {
  const dir = join(deploy, 'overlays', overlay);
  const objects = render(dir);
  await check(objects, `overlay ${overlay}:`);
  console.log(`overlay ${overlay}: ${objects.length} objects rendered`);
  if (hasKubectl()) {
    const rendered = documents(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }), `kubectl kustomize ${overlay}`);
    await check(rendered, `kubectl kustomize ${overlay}:`);
    console.log(`kubectl kustomize ${overlay}: ${rendered.length} objects rendered`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
