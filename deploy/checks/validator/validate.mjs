// Validates deployment files against their schemas; deploy/checks runs it in ./mvnw verify.
//   node validate.mjs compose docker-compose.yml   the Compose specification's JSON Schema
//   node validate.mjs k8s rendered.yaml            every object against the schema of its apiVersion and kind
// Prints one line per object checked and per error; exits 1 when anything is invalid or has no schema.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import Ajv from 'ajv';

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
let failures = 0;
const fail = (what, message) => { failures++; console.log(`INVALID ${what}: ${message}`); };
const errorsOf = (errors) => errors.map(e => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`).join('; ');

if (mode === 'compose') {
  // draft 07, Ajv's own, named by an https address Ajv does not know
  const { $schema, ...schema } = JSON.parse(readFileSync(new URL('./schemas/compose-spec.json', import.meta.url), 'utf8'));
  // the specification's own formats (durations) are not Ajv's; its patterns check what matters
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  const compose = yaml.load(text);
  if (validate(compose)) console.log(`valid compose file (${Object.keys(compose.services ?? {}).length} services)`);
  else fail(file, errorsOf(validate.errors));
} else if (mode === 'k8s') {
  // CRDs the kubernetes-models family does not cover: their published JSON Schemas, kept beside this script
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const own = {
    'k8s.keycloak.org/v2alpha1': ['Keycloak', 'KeycloakRealmImport'],
  };
  const models = {
    'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
    'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
    'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
  };
  for (const doc of yaml.loadAll(text)) {
    if (!doc) continue;
    const what = `${doc.apiVersion} ${doc.kind} ${doc.metadata?.name}`;
    if (!doc.apiVersion || !doc.kind || !doc.metadata?.name) { fail(what, 'apiVersion, kind and metadata.name are required'); continue; }
    const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : ['', doc.apiVersion];
    if (own[doc.apiVersion]?.includes(doc.kind)) {
      const schema = JSON.parse(readFileSync(new URL(`./schemas/${group}-${version}-${doc.kind}.json`, import.meta.url), 'utf8'));
      const validate = ajv.compile(schema);
      if (validate(doc)) console.log(`valid ${what}`); else fail(what, errorsOf(validate.errors));
      continue;
    }
    const pkg = models[group] ?? 'kubernetes-models';
    const path = group && !models[group] ? `${pkg}/${group}/${version}/${doc.kind}` : models[group] ? `${pkg}/${group}/${version}/${doc.kind}` : `${pkg}/${version}/${doc.kind}`;
    let Model;
    try { Model = (await import(path))[doc.kind]; } catch { Model = undefined; }
    if (!Model) { fail(what, `no schema for ${doc.apiVersion} ${doc.kind}`); continue; }
    try { new Model(doc).validate(); console.log(`valid ${what}`); } catch (e) { fail(what, e.message); }
  }
} else {
  console.log('usage: node validate.mjs compose|k8s <file>');
  process.exit(2);
}
process.exit(failures ? 1 : 0);
