# ECS on Fargate: cluster, the API's task definition (image from ECR, secrets from Secrets
# Manager by ARN, EFS at MODELS_DIR), a service behind the ALB with the deployment circuit
# breaker, and target-tracking autoscaling on CPU and on requests per task.

data "aws_region" "current" {}

locals {
  container_name = "api"
  image          = "${var.create_ecr_repository ? aws_ecr_repository.this[0].repository_url : var.image_repository_url}:${var.image_tag}"
  # The API gets SHUTDOWN_TIMEOUT_MS to drain requests; ECS waits that long plus a margin
  # for closing the database before SIGKILL.
  stop_timeout_seconds = var.shutdown_timeout_seconds + 10

  # Plain settings. Secrets never go here: they are in app_secrets, read by ARN.
  app_environment = {
    NODE_ENV            = "production"
    NODE_OPTIONS        = "--max-old-space-size=${var.node_heap_mb}"
    PORT                = tostring(var.container_port)
    HOST                = "0.0.0.0"
    MODELS_DIR          = var.models_dir
    TRUST_PROXY         = "1"
    LOG_LEVEL           = var.log_level
    SHUTDOWN_TIMEOUT_MS = tostring(var.shutdown_timeout_seconds * 1000)
    PUBLIC_URL          = var.public_url
    ADMIN_ORIGINS       = join(",", var.admin_origins)
  }

  app_secrets = {
    MONGODB_URI   = var.mongodb_uri_secret_arn
    METRICS_TOKEN = var.metrics_token_secret_arn
  }

  environment = merge(var.extra_environment, local.app_environment)
  secrets     = merge(var.extra_secret_arns, local.app_secrets)
  secret_arns = distinct([for arn in values(local.secrets) : regex("^arn:[^:]+:[^:]+:[^:]+:[^:]+:[^:]+:[^:]+", arn)])

  container = {
    name      = local.container_name
    image     = local.image
    essential = true
    # ECS Exec needs to write its agent into the container: read-only unless it is on.
    readonlyRootFilesystem = !var.enable_execute_command
    user                   = "1000:1000"
    portMappings = [
      { containerPort = var.container_port, protocol = "tcp" }
    ]
    environment = [for key in sort(keys(local.environment)) : { name = key, value = local.environment[key] }]
    secrets     = [for key in sort(keys(local.secrets)) : { name = key, valueFrom = local.secrets[key] }]
    mountPoints = [
      { sourceVolume = "models", containerPath = var.models_dir, readOnly = false },
      { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
    ]
    # Liveness only (/healthz): a database outage makes /readyz fail, which takes the task
    # out of the ALB without ECS killing and restarting tasks that cannot help.
    healthCheck = {
      command     = ["CMD", "node", "-e", "fetch('http://127.0.0.1:${var.container_port}/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 30
    }
    stopTimeout = local.stop_timeout_seconds
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = var.log_group_name
        awslogs-region        = data.aws_region.current.region
        awslogs-stream-prefix = local.container_name
        mode                  = "non-blocking"
        max-buffer-size       = "4m"
      }
    }
  }
}

resource "aws_ecr_repository" "this" {
  count = var.create_ecr_repository ? 1 : 0

  name                 = var.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }

  tags = var.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  count = var.create_ecr_repository ? 1 : 0

  repository = aws_ecr_repository.this[0].name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the 20 newest images (rollbacks), expire the rest"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 20 }
      action       = { type = "expire" }
    }]
  })
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = var.use_fargate_spot ? "FARGATE_SPOT" : "FARGATE"
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  volume {
    name = "models"
    efs_volume_configuration {
      file_system_id     = var.efs_file_system_id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = var.efs_access_point_id
        iam             = "ENABLED"
      }
    }
  }

  # Task-local scratch space: the root file system is read-only.
  volume {
    name = "tmp"
  }

  tags = var.tags
}

resource "aws_security_group" "task" {
  name        = "${var.name}-task"
  description = "Parley API tasks: traffic in from the ALB only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-task" })
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  security_group_id            = aws_security_group.task.id
  description                  = "API port from the ALB (requests and health checks)"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.alb_security_group_id

  tags = var.tags
}

# Outbound: HTTPS (ECR, Secrets Manager, CloudWatch, Messenger's Graph API, LLM endpoints,
# bots' HTTPS tool calls), HTTP for tool calls to plain-HTTP APIs, NFS to EFS, MongoDB.
resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.task.id
  description       = "HTTPS to AWS APIs, Graph API, LLM endpoints, tool calls"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "http" {
  security_group_id = aws_security_group.task.id
  description       = "HTTP for bots' tool calls to plain-HTTP APIs"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "nfs" {
  security_group_id = aws_security_group.task.id
  description       = "NFS to the EFS mount targets"
  ip_protocol       = "tcp"
  from_port         = 2049
  to_port           = 2049
  cidr_ipv4         = var.vpc_cidr_block

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "mongodb" {
  for_each = toset(var.mongodb_egress_cidr_blocks)

  security_group_id = aws_security_group.task.id
  description       = "MongoDB wire protocol"
  ip_protocol       = "tcp"
  from_port         = 27017
  to_port           = 27017
  cidr_ipv4         = each.value

  tags = var.tags
}

resource "aws_ecs_service" "api" {
  name                   = var.name
  cluster                = aws_ecs_cluster.this.id
  task_definition        = aws_ecs_task_definition.api.arn
  desired_count          = var.desired_count
  platform_version       = "LATEST"
  enable_execute_command = var.enable_execute_command
  propagate_tags         = "SERVICE"

  capacity_provider_strategy {
    capacity_provider = var.use_fargate_spot ? "FARGATE_SPOT" : "FARGATE"
    weight            = 1
  }

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.task.id]
    assign_public_ip = var.assign_public_ip
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = local.container_name
    container_port   = var.container_port
  }

  # Also orders creation after the mount targets, so the first tasks can mount EFS.
  triggers = {
    efs_mount_targets = join(",", var.efs_mount_target_ids)
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_ecs_cluster_capacity_providers.this, aws_iam_role_policy.task]
}

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_count
  max_capacity       = var.max_count

  tags = var.tags
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  policy_type        = "TargetTrackingScaling"

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.name}-requests"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  policy_type        = "TargetTrackingScaling"

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.alb_arn_suffix}/${var.target_group_arn_suffix}"
    }
  }
}
