import fs from 'node:fs';
import path from 'node:path';
import {
  ENVIRONMENT_DIRS,
  INFRA_DIR,
  MODULE_DIRS,
  block,
  blocks,
  loadModule,
  resource,
  resourcesOfType,
  variableDefault,
  type Body,
  type TerraformModule,
} from './terraform-config.js';
import { NOT_TAGGABLE, TAGGABLE } from './tagging.js';

const EXPECTED_MODULES = [
  'alb',
  'database',
  'efs',
  'network',
  'observability',
  'service',
  'static-site',
];

const all = new Map<string, TerraformModule>();
const mod = (dir: string) => {
  const found = all.get(dir);
  if (!found) throw new Error(`${dir} not loaded`);
  return found;
};

beforeAll(async () => {
  for (const dir of [...MODULE_DIRS, ...ENVIRONMENT_DIRS]) all.set(dir, await loadModule(dir));
});

/** Ingress/egress rule resources attached to the security group `sgRef` (e.g. `aws_security_group.task.id`). */
function rulesOf(module: TerraformModule, type: string, sgRef: string) {
  return resourcesOfType(module, type).filter((r) =>
    String(r.body.security_group_id).includes(sgRef),
  );
}

describe('layout', () => {
  it('has the seven local modules and the dev and prod environments', () => {
    expect(MODULE_DIRS.map((dir) => path.basename(dir)).sort()).toEqual(EXPECTED_MODULES);
    expect(ENVIRONMENT_DIRS.map((dir) => path.basename(dir)).sort()).toEqual(['dev', 'prod']);
  });

  it.each([...EXPECTED_MODULES.map((m) => `modules/${m}`)])(
    '%s has main.tf, variables.tf, outputs.tf and versions.tf',
    (dir) => {
      for (const file of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'])
        expect(fs.existsSync(path.join(INFRA_DIR, dir, file))).toBe(true);
    },
  );

  it('requires only the AWS provider, from hashicorp/aws, major version 6', () => {
    for (const [dir, module] of all) {
      const required = module.terraform.flatMap((t) => blocks(t, 'required_providers'));
      expect({ dir, providers: required.flatMap((r) => Object.keys(r)) }).toEqual({
        dir,
        providers: ['aws'],
      });
      const aws = required[0]!.aws as { source: string; version: string };
      expect(aws.source).toBe('hashicorp/aws');
      expect(aws.version).toBe('>= 6.0, < 7.0');
    }
  });

  it('uses only local modules (init downloads nothing but the AWS provider)', () => {
    for (const [dir, module] of all) {
      for (const call of module.modules.values())
        expect({ dir, source: call.body.source }).toEqual({
          dir,
          source: expect.stringMatching(/^\.\.\/\.\.\/modules\/[a-z-]+$/),
        });
    }
  });

  it('composes the same modules, with the same sources, in dev and prod', () => {
    const calls = (dir: string) =>
      [...mod(dir).modules.values()].map((call) => `${call.name}=${String(call.body.source)}`);
    expect(calls('environments/dev')).toEqual(calls('environments/prod'));
    expect(calls('environments/prod')).toHaveLength(EXPECTED_MODULES.length);
  });

  it('defaults to eu-west-3', () => {
    for (const dir of ENVIRONMENT_DIRS)
      expect(variableDefault(mod(dir), 'region')).toBe('eu-west-3');
  });
});

describe('variables and outputs', () => {
  it('types and describes every variable', () => {
    for (const [dir, module] of all) {
      for (const variable of module.variables.values()) {
        const where = `${dir} variable ${variable.name}`;
        expect({ where, typed: typeof variable.body.type === 'string' }).toEqual({
          where,
          typed: true,
        });
        expect({ where, description: String(variable.body.description ?? '').length > 10 }).toEqual(
          { where, description: true },
        );
      }
    }
  });

  it('describes every output', () => {
    for (const [dir, module] of all) {
      for (const output of module.outputs.values())
        expect({ dir, output: output.name, described: Boolean(output.body.description) }).toEqual({
          dir,
          output: output.name,
          described: true,
        });
    }
  });

  it('outputs the API URL, the admin URL, the widget URL and the embed snippet', () => {
    for (const dir of ENVIRONMENT_DIRS) {
      const outputs = mod(dir).outputs;
      for (const name of ['api_url', 'admin_url', 'widget_url', 'embed_snippet'])
        expect(outputs.has(name)).toBe(true);
      expect(String(outputs.get('embed_snippet')!.body.value)).toMatch(
        /<script src=.*widget_url.*data-bot-id=.*data-api-url=.*data-key=.* async><\/script>/,
      );
    }
  });
});

describe('tags', () => {
  it('knows whether each resource type it uses is taggable', () => {
    const types = new Set([...all.values()].flatMap((m) => m.resources.map((r) => r.type)));
    const unknown = [...types].filter((type) => !TAGGABLE.has(type) && !NOT_TAGGABLE.has(type));
    expect(unknown).toEqual([]);
  });

  it('tags every taggable resource', () => {
    const untagged = [...all.values()].flatMap((m) =>
      m.resources
        .filter((r) => TAGGABLE.has(r.type) && r.body.tags === undefined)
        .map((r) => `${m.dir}: ${r.type}.${r.name}`),
    );
    expect(untagged).toEqual([]);
  });

  it('sets Project, Environment and ManagedBy through the provider default_tags', () => {
    for (const dir of ENVIRONMENT_DIRS) {
      const aws = mod(dir).providers.filter((p) => p.name === 'aws');
      expect(aws).toHaveLength(1);
      const tags = block(aws[0]!.body, 'default_tags').tags as Body;
      expect(Object.keys(tags).sort()).toEqual(['Environment', 'ManagedBy', 'Project']);
      expect(aws[0]!.body.region).toBe('${var.region}');
    }
  });
});

describe('network', () => {
  it('leaves NAT gateways off by default, in the module and in both environments', () => {
    expect(variableDefault(mod('modules/network'), 'enable_nat_gateway')).toBe(false);
    for (const dir of ENVIRONMENT_DIRS) {
      expect(variableDefault(mod(dir), 'enable_nat_gateway')).toBe(false);
      const example = fs.readFileSync(
        path.join(INFRA_DIR, dir, 'terraform.tfvars.example'),
        'utf8',
      );
      expect(example).not.toMatch(/^\s*enable_nat_gateway\s*=\s*true/m);
    }
    const nat = resource(mod('modules/network'), 'aws_nat_gateway', 'this');
    expect(nat.body.count).toBe('${local.nat_count}');
    expect(String(mod('modules/network').locals.nat_count)).toContain('var.enable_nat_gateway');
  });

  it('runs tasks in public subnets with public IPs unless NAT is on', () => {
    for (const dir of ENVIRONMENT_DIRS) {
      const service = mod(dir).modules.get('service')!.body;
      expect(service.assign_public_ip).toBe('${!local.use_nat}');
      expect(String(service.subnet_ids)).toMatch(
        /local\.use_nat \? module\.network\.private_subnet_ids : module\.network\.public_subnet_ids/,
      );
    }
  });

  it('closes the default security group of the VPC', () => {
    const sg = resource(mod('modules/network'), 'aws_default_security_group', 'this');
    expect(sg.body.ingress).toBeUndefined();
    expect(sg.body.egress).toBeUndefined();
  });
});

describe('security groups', () => {
  it('declares no inline rules, so every rule is one of the resources checked below', () => {
    for (const module of all.values())
      for (const sg of resourcesOfType(module, 'aws_security_group')) {
        expect(sg.body.ingress).toBeUndefined();
        expect(sg.body.egress).toBeUndefined();
      }
  });

  it("lets traffic into the tasks only from the ALB's security group, on the API port", () => {
    const service = mod('modules/service');
    const ingress = rulesOf(
      service,
      'aws_vpc_security_group_ingress_rule',
      'aws_security_group.task.id',
    );
    expect(ingress).toHaveLength(1);
    expect(ingress[0]!.body).toMatchObject({
      referenced_security_group_id: '${var.alb_security_group_id}',
      from_port: '${var.container_port}',
      to_port: '${var.container_port}',
    });
    expect(ingress[0]!.body.cidr_ipv4).toBeUndefined();
    expect(ingress[0]!.body.cidr_ipv6).toBeUndefined();
    for (const dir of ENVIRONMENT_DIRS)
      expect(mod(dir).modules.get('service')!.body.alb_security_group_id).toBe(
        '${module.alb.security_group_id}',
      );
  });

  it('opens the database only to the tasks, never to 0.0.0.0/0', () => {
    const database = mod('modules/database');
    const source = fs.readFileSync(path.join(INFRA_DIR, 'modules/database/main.tf'), 'utf8');
    expect(source).not.toContain('0.0.0.0/0');
    expect(source).not.toContain('::/0');
    const ingress = resourcesOfType(database, 'aws_vpc_security_group_ingress_rule');
    expect(ingress).toHaveLength(1);
    expect(ingress[0]!.body).toMatchObject({
      referenced_security_group_id: '${var.client_security_group_id}',
      from_port: 27017,
      to_port: 27017,
    });
    for (const dir of ENVIRONMENT_DIRS) {
      const call = mod(dir).modules.get('database')!.body;
      expect(call.client_security_group_id).toBe('${module.service.task_security_group_id}');
      expect(call.subnet_ids).toBe('${module.network.private_subnet_ids}');
    }
  });

  it('opens NFS only to the tasks', () => {
    const ingress = resourcesOfType(mod('modules/efs'), 'aws_vpc_security_group_ingress_rule');
    expect(ingress).toHaveLength(1);
    expect(ingress[0]!.body).toMatchObject({
      referenced_security_group_id: '${var.client_security_group_id}',
      from_port: 2049,
      to_port: 2049,
    });
  });
});

describe('EFS', () => {
  it('is encrypted at rest, mounted with TLS and IAM through the access point', () => {
    const efs = mod('modules/efs');
    expect(resource(efs, 'aws_efs_file_system', 'this').body.encrypted).toBe(true);
    const task = resource(mod('modules/service'), 'aws_ecs_task_definition', 'api').body;
    const models = blocks(task, 'volume').find((v) => v.name === 'models')!;
    const config = block(models, 'efs_volume_configuration');
    expect(config.transit_encryption).toBe('ENABLED');
    expect(block(config, 'authorization_config')).toEqual({
      access_point_id: '${var.efs_access_point_id}',
      iam: 'ENABLED',
    });
  });

  it('denies mounts without TLS and allows only the task role through the access point', () => {
    const doc = mod('modules/efs').data.find((d) => d.name === 'file_system')!.body;
    const statements = blocks(doc, 'statement');
    const deny = statements.find((s) => s.effect === 'Deny')!;
    expect(block(deny, 'condition')).toMatchObject({
      variable: 'aws:SecureTransport',
      values: ['false'],
    });
    const allow = statements.find((s) => s.sid === 'TaskMountsThroughAccessPoint')!;
    expect(block(allow, 'principals').identifiers).toEqual(['${var.client_role_arn}']);
  });

  it('owns the access point by the uid and gid the container runs as', () => {
    const ap = resource(mod('modules/efs'), 'aws_efs_access_point', 'models').body;
    expect(block(ap, 'posix_user')).toEqual({ uid: '${var.posix_uid}', gid: '${var.posix_gid}' });
    expect(block(block(ap, 'root_directory'), 'creation_info')).toMatchObject({
      owner_uid: '${var.posix_uid}',
      owner_gid: '${var.posix_gid}',
    });
    const container = mod('modules/service').locals.container as Body;
    expect(container.user).toBe(
      `${String(variableDefault(mod('modules/efs'), 'posix_uid'))}:${String(variableDefault(mod('modules/efs'), 'posix_gid'))}`,
    );
  });

  it('backs up the file system and has one mount target per private subnet', () => {
    const efs = mod('modules/efs');
    expect(resource(efs, 'aws_efs_mount_target', 'this').body.count).toBe(
      '${length(var.subnet_ids)}',
    );
    expect(variableDefault(efs, 'enable_backups')).toBe(true);
    for (const dir of ENVIRONMENT_DIRS)
      expect(mod(dir).modules.get('efs')!.body.subnet_ids).toBe(
        '${module.network.private_subnet_ids}',
      );
  });
});

describe('service', () => {
  const service = () => mod('modules/service');
  const container = () => service().locals.container as Body;

  it('reads secrets from Secrets Manager by ARN, never from plain environment', () => {
    const secrets = service().locals.app_secrets as Record<string, string>;
    expect(Object.keys(secrets).sort()).toEqual(['METRICS_TOKEN', 'MONGODB_URI']);
    for (const value of Object.values(secrets))
      expect(value).toMatch(/^\$\{var\.[a-z_]+_secret_arn\}$/);
    for (const name of ['mongodb_uri_secret_arn', 'metrics_token_secret_arn']) {
      const variable = service().variables.get(name)!;
      expect(String(block(variable.body, 'validation').condition)).toContain('secretsmanager');
    }
    expect(String(container().secrets)).toContain('valueFrom = local.secrets[key]');
    expect(String(service().locals.secrets)).toBe(
      '${merge(var.extra_secret_arns, local.app_secrets)}',
    );

    const environment = service().locals.app_environment as Record<string, string>;
    const secretLooking = Object.keys(environment).filter((key) =>
      /SECRET|PASSWORD|TOKEN|MONGODB_URI|API_KEY/i.test(key),
    );
    expect(secretLooking).toEqual([]);
    const extra = service().variables.get('extra_environment')!;
    expect(String(block(extra.body, 'validation').condition)).toMatch(/TOKEN.*MONGODB_URI/);
  });

  it('lets the execution role read only the secrets the task names', () => {
    const doc = service().data.find((d) => d.name === 'execution')!.body;
    const read = blocks(doc, 'statement').find((s) => s.sid === 'ReadSecrets')!;
    expect(read.actions).toEqual(['secretsmanager:GetSecretValue']);
    expect(read.resources).toBe('${local.secret_arns}');
  });

  it('turns the deployment circuit breaker on, with rollback', () => {
    const ecs = resource(service(), 'aws_ecs_service', 'api').body;
    expect(block(ecs, 'deployment_circuit_breaker')).toEqual({ enable: true, rollback: true });
    expect(ecs.deployment_minimum_healthy_percent).toBe(100);
  });

  it("stops a task only after the API's drain period", () => {
    const environment = service().locals.app_environment as Record<string, string>;
    expect(environment.SHUTDOWN_TIMEOUT_MS).toBe(
      '${tostring(var.shutdown_timeout_seconds * 1000)}',
    );
    expect(container().stopTimeout).toBe('${local.stop_timeout_seconds}');
    expect(service().locals.stop_timeout_seconds).toMatch(
      /^\$\{var\.shutdown_timeout_seconds \+ \d+\}$/,
    );
  });

  it('scales on CPU and on ALB requests per target', () => {
    const metrics = resourcesOfType(service(), 'aws_appautoscaling_policy').map(
      (p) =>
        block(
          block(p.body, 'target_tracking_scaling_policy_configuration'),
          'predefined_metric_specification',
        ).predefined_metric_type,
    );
    expect(metrics.sort()).toEqual(['ALBRequestCountPerTarget', 'ECSServiceAverageCPUUtilization']);
  });

  it('turns Container Insights on by default', () => {
    const cluster = resource(service(), 'aws_ecs_cluster', 'this').body;
    expect(block(cluster, 'setting')).toEqual({
      name: 'containerInsights',
      value: '${var.container_insights}',
    });
    expect(variableDefault(service(), 'container_insights')).toBe('enabled');
    for (const dir of ENVIRONMENT_DIRS) {
      expect(variableDefault(mod(dir), 'container_insights')).toBe('enabled');
      expect(mod(dir).modules.get('service')!.body.container_insights).toBe(
        '${var.container_insights}',
      );
    }
  });

  it('runs the container read-only as a non-root user, MODELS_DIR on EFS', () => {
    expect(container().readonlyRootFilesystem).toBe('${!var.enable_execute_command}');
    expect(variableDefault(service(), 'enable_execute_command')).toBe(false);
    expect(container().user).not.toMatch(/^0(:|$)/);
    const mounts = container().mountPoints as Body[];
    expect(mounts).toContainEqual({
      sourceVolume: 'models',
      containerPath: '${var.models_dir}',
      readOnly: false,
    });
    const environment = service().locals.app_environment as Record<string, string>;
    expect(environment.MODELS_DIR).toBe('${var.models_dir}');
  });

  it('uses least-privilege roles: no managed policies, no wildcard actions', () => {
    expect(resourcesOfType(service(), 'aws_iam_role_policy_attachment')).toEqual([]);
    for (const doc of service().data.filter((d) => d.type === 'aws_iam_policy_document')) {
      for (const statement of blocks(doc.body, 'statement')) {
        const actions = (statement.actions ?? []) as string[];
        expect(actions.filter((action) => action.includes('*'))).toEqual([]);
      }
    }
  });
});

describe('load balancer', () => {
  const alb = () => mod('modules/alb');

  it('serves HTTPS on 443 with a TLS 1.3 policy and redirects 80 to 443', () => {
    const https = resource(alb(), 'aws_lb_listener', 'https').body;
    expect(https).toMatchObject({ port: 443, protocol: 'HTTPS' });
    expect(variableDefault(alb(), 'ssl_policy')).toMatch(/^ELBSecurityPolicy-TLS13/);
    const http = resource(alb(), 'aws_lb_listener', 'http').body;
    const redirect = block(block(http, 'default_action'), 'redirect');
    expect(redirect).toMatchObject({ port: '443', protocol: 'HTTPS', status_code: 'HTTP_301' });
  });

  it('probes /readyz on the traffic port', () => {
    const health = block(resource(alb(), 'aws_lb_target_group', 'api').body, 'health_check');
    expect(health).toMatchObject({ path: '${var.health_check_path}', port: 'traffic-port' });
    expect(variableDefault(alb(), 'health_check_path')).toBe('/readyz');
    for (const dir of ENVIRONMENT_DIRS)
      expect(mod(dir).modules.get('alb')!.body.health_check_path).toBe('/readyz');
  });

  it('keeps idle Server-Sent Events streams open, logs access, drops invalid headers', () => {
    const lb = resource(alb(), 'aws_lb', 'this').body;
    expect(Number(variableDefault(alb(), 'idle_timeout_seconds'))).toBeGreaterThanOrEqual(120);
    expect(block(lb, 'access_logs').enabled).toBe(true);
    expect(lb.drop_invalid_header_fields).toBe(true);
  });

  it('protects the production load balancer and database from deletion', () => {
    expect(variableDefault(mod('environments/prod'), 'deletion_protection')).toBe(true);
    const prod = mod('environments/prod');
    expect(prod.modules.get('alb')!.body.deletion_protection).toBe('${var.deletion_protection}');
    expect(prod.modules.get('database')!.body.deletion_protection).toBe(
      '${var.deletion_protection}',
    );
  });
});

describe('database', () => {
  it('runs DocumentDB 5.0 with TLS, encrypted storage and backups', () => {
    const database = mod('modules/database');
    const cluster = resource(database, 'aws_docdb_cluster', 'this').body;
    expect(cluster).toMatchObject({
      engine: 'docdb',
      engine_version: '5.0.0',
      storage_encrypted: true,
      backup_retention_period: '${var.backup_retention_days}',
      deletion_protection: '${var.deletion_protection}',
    });
    const parameters = blocks(
      resource(database, 'aws_docdb_cluster_parameter_group', 'this').body,
      'parameter',
    );
    expect(parameters).toContainEqual({ name: 'tls', value: 'enabled' });
    expect(String(database.locals.uri_options)).toMatch(/tls=true.*retryWrites=false/);
  });

  it('keeps a week of backups in production, and passes the retention through', () => {
    expect(variableDefault(mod('environments/prod'), 'documentdb_backup_retention_days')).toBe(7);
    for (const dir of ENVIRONMENT_DIRS)
      expect(mod(dir).modules.get('database')!.body.backup_retention_days).toBe(
        '${var.documentdb_backup_retention_days}',
      );
  });
});

describe('static site', () => {
  const site = () => mod('modules/static-site');
  const distribution = () => resource(site(), 'aws_cloudfront_distribution', 'this').body;
  const behavior = (pattern: string) =>
    blocks(distribution(), 'ordered_cache_behavior').find((b) => b.path_pattern === pattern)!;

  it('keeps the bucket private, read only by CloudFront through origin access control', () => {
    expect(resource(site(), 'aws_s3_bucket_public_access_block', 'this').body).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(
      resource(site(), 'aws_cloudfront_origin_access_control', 'this').body.signing_behavior,
    ).toBe('always');
    expect(block(distribution(), 'origin').origin_access_control_id).toBe(
      '${aws_cloudfront_origin_access_control.this.id}',
    );
  });

  it('caches hashed assets for a year and revalidates index.html and config.json', () => {
    expect(behavior('/admin/assets/*').cache_policy_id).toBe(
      '${aws_cloudfront_cache_policy.immutable.id}',
    );
    const immutable = resource(site(), 'aws_cloudfront_response_headers_policy', 'immutable').body;
    expect(blocks(block(immutable, 'custom_headers_config'), 'items')).toContainEqual({
      header: 'Cache-Control',
      value: 'public, max-age=31536000, immutable',
      override: true,
    });
    for (const entry of ['/admin/index.html', '/admin/config.json']) {
      expect(behavior(entry).cache_policy_id).toBe('${aws_cloudfront_cache_policy.revalidate.id}');
      expect(behavior(entry).response_headers_policy_id).toBe(
        '${aws_cloudfront_response_headers_policy.admin_entry.id}',
      );
    }
    const entryPolicy = resource(site(), 'aws_cloudfront_response_headers_policy', 'admin_entry');
    expect(blocks(block(entryPolicy.body, 'custom_headers_config'), 'items')).toContainEqual({
      header: 'Cache-Control',
      value: 'no-cache',
      override: true,
    });
  });

  it("answers the SPA's deep links with its index.html", () => {
    const errors = blocks(distribution(), 'custom_error_response');
    expect(errors.map((e) => [e.error_code, e.response_code, e.response_page_path])).toEqual([
      [403, 200, '/admin/index.html'],
      [404, 200, '/admin/index.html'],
    ]);
  });

  it("sends the admin's Content-Security-Policy, connecting only to itself and the API", () => {
    const csp = String(site().locals.admin_csp);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ${local.api_origin}");
    expect(csp).toContain("frame-ancestors 'none'");
    for (const name of ['admin', 'admin_entry']) {
      const policy = resource(site(), 'aws_cloudfront_response_headers_policy', name).body;
      expect(block(block(policy, 'security_headers_config'), 'content_security_policy')).toEqual({
        content_security_policy: '${local.admin_csp}',
        override: true,
      });
    }
  });

  it('serves the widget to any site', () => {
    expect(behavior('/widget.js').response_headers_policy_id).toBe(
      '${aws_cloudfront_response_headers_policy.widget.id}',
    );
    expect(behavior('/widget.*.js').cache_policy_id).toBe(
      '${aws_cloudfront_cache_policy.immutable.id}',
    );
  });
});

describe('observability', () => {
  it('sets a retention on every log group', () => {
    for (const module of all.values())
      for (const group of resourcesOfType(module, 'aws_cloudwatch_log_group'))
        expect({
          group: `${module.dir} ${group.name}`,
          retention: group.body.retention_in_days,
        }).toEqual({
          group: `${module.dir} ${group.name}`,
          retention: expect.stringMatching(/var\./),
        });
    expect(variableDefault(mod('modules/observability'), 'log_retention_days')).toBe(30);
  });

  it('alarms on 5xx rate, response time, unhealthy hosts, CPU and memory, to SNS', () => {
    const alarms = resourcesOfType(mod('modules/observability'), 'aws_cloudwatch_metric_alarm');
    const metrics = alarms.flatMap((alarm) => [
      alarm.body.metric_name,
      ...blocks(alarm.body, 'metric_query').flatMap((q) =>
        blocks(q, 'metric').map((m) => m.metric_name),
      ),
    ]);
    for (const metric of [
      'HTTPCode_Target_5XX_Count',
      'TargetResponseTime',
      'UnHealthyHostCount',
      'HealthyHostCount',
      'CPUUtilization',
      'MemoryUtilization',
    ])
      expect(metrics).toContain(metric);
    for (const alarm of alarms) expect(alarm.body.alarm_actions).toBe('${local.actions}');
  });
});
