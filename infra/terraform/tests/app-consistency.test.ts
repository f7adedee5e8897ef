// The task definition and the image agree with the API they run: every variable the API's
// config reads is set by the task or documented as optional, and the health check path and
// port are the ones the API serves. When someone adds a variable to apps/api/src/config.ts,
// this test names it until the task sets it or the README documents it.
import { ZConfig } from '../../../apps/api/src/config.js';
import {
  loadModule,
  readRepoFile,
  resource,
  variableDefault,
  block,
  type TerraformModule,
} from './terraform-config.js';

/** Read by Node itself, not by the API's config. */
const NODE_RUNTIME = ['NODE_ENV', 'NODE_OPTIONS'];
const configKeys = Object.keys(ZConfig.shape).sort();
const defaults = ZConfig.parse({});
let service: TerraformModule;
let alb: TerraformModule;
let efs: TerraformModule;

beforeAll(async () => {
  service = await loadModule('modules/service');
  alb = await loadModule('modules/alb');
  efs = await loadModule('modules/efs');
});

const taskVariables = () => [
  ...Object.keys(service.locals.app_environment as object),
  ...Object.keys(service.locals.app_secrets as object),
];

/** Rows of the README's "Environment of the task" table: name → `set` or `optional`. */
function documentedVariables(): Map<string, string> {
  const readme = readRepoFile('infra/terraform/README.md');
  const start = readme.indexOf('## Environment of the task');
  expect(start).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \| (set|optional) \|/gm))
    rows.set(match[1]!, match[2]!);
  return rows;
}

describe('task definition and API config', () => {
  it('reads the variables from the API config schema', () => {
    expect(configKeys).toContain('MONGODB_URI');
    expect(configKeys).toContain('SHUTDOWN_TIMEOUT_MS');
  });

  it('sets every variable the API reads, or the README lists it as optional', () => {
    const set = new Set(taskVariables());
    const documented = documentedVariables();
    const missing = configKeys.filter((key) => !set.has(key) && documented.get(key) !== 'optional');
    expect(missing).toEqual([]);
  });

  it('sets only variables the API or Node reads', () => {
    const known = new Set([...configKeys, ...NODE_RUNTIME]);
    expect(taskVariables().filter((key) => !known.has(key))).toEqual([]);
  });

  it('documents what it sets as set, and nothing it does not set', () => {
    const set = new Set(taskVariables());
    const documented = documentedVariables();
    expect(
      [...documented]
        .filter(([, how]) => how === 'set')
        .map(([name]) => name)
        .sort(),
    ).toEqual([...set].sort());
    const wronglyOptional = [...documented]
      .filter(([name, how]) => how === 'optional' && set.has(name))
      .map(([name]) => name);
    expect(wronglyOptional).toEqual([]);
  });

  it('passes MONGODB_URI and METRICS_TOKEN as secrets, never as plain environment', () => {
    expect(Object.keys(service.locals.app_secrets as object)).toEqual(
      expect.arrayContaining(['MONGODB_URI', 'METRICS_TOKEN']),
    );
    expect(Object.keys(service.locals.app_environment as object)).not.toContain('MONGODB_URI');
  });
});

describe('health checks and ports', () => {
  const router = () => readRepoFile('apps/api/src/routes/health/health.router.ts');
  const dockerfile = () => readRepoFile('Dockerfile');

  it('probes from the ALB the readiness route the API serves', () => {
    expect(router()).toContain("router.get('/readyz'");
    expect(variableDefault(alb, 'health_check_path')).toBe('/readyz');
    const health = block(resource(alb, 'aws_lb_target_group', 'api').body, 'health_check');
    expect(health.matcher).toBe('200');
  });

  it('probes liveness in the container and the image on the route the API serves', () => {
    expect(router()).toContain("router.get('/healthz'");
    const container = service.locals.container as { healthCheck: { command: string[] } };
    expect(container.healthCheck.command.join(' ')).toContain('/healthz');
    expect(dockerfile()).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });

  it("sends traffic to the API's port", () => {
    const port = defaults.PORT;
    expect(variableDefault(service, 'container_port')).toBe(port);
    expect(variableDefault(alb, 'target_port')).toBe(port);
    expect((service.locals.app_environment as Record<string, string>).PORT).toBe(
      '${tostring(var.container_port)}',
    );
    expect(dockerfile()).toContain(`EXPOSE ${port}`);
    expect(dockerfile()).toContain(`PORT=${port}`);
  });

  it('runs the image as the uid that owns the EFS access point, MODELS_DIR on the mount', () => {
    const user = /^USER (\d+):(\d+)$/m.exec(dockerfile());
    expect(user).not.toBeNull();
    expect(Number(user![1])).toBe(variableDefault(efs, 'posix_uid'));
    expect(Number(user![2])).toBe(variableDefault(efs, 'posix_gid'));
    const modelsDir = String(variableDefault(service, 'models_dir'));
    expect(dockerfile()).toContain(`MODELS_DIR=${modelsDir}`);
  });

  it('builds the admin and the widget into the image', () => {
    expect(dockerfile()).toContain('RUN npm run build');
    expect(dockerfile()).toContain('/app/apps/admin/dist ./apps/admin/dist');
    expect(dockerfile()).toContain('/app/apps/widget/dist ./apps/widget/dist');
  });
});
