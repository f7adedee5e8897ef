# Parley on AWS: ALB → ECS Fargate (models on EFS) → DocumentDB or an external MongoDB,
# the admin and the widget on S3 + CloudFront (or served by the API itself).

locals {
  name          = "parley-${var.environment}"
  api_url       = "https://${var.api_domain_name}"
  use_nat       = var.enable_nat_gateway
  on_cloudfront = var.static_hosting == "cloudfront"
  static_base   = local.on_cloudfront ? module.static_site[0].base_url : local.api_url
  admin_url     = "${local.static_base}/admin/"
  widget_url    = "${local.static_base}/widget.js"
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  cidr_block         = var.vpc_cidr_block
  az_count           = var.az_count
  enable_nat_gateway = var.enable_nat_gateway
  single_nat_gateway = var.single_nat_gateway
  enable_flow_logs   = var.enable_flow_logs
}

module "alb" {
  source = "../../modules/alb"

  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr_block      = module.network.vpc_cidr_block
  public_subnet_ids   = module.network.public_subnet_ids
  target_port         = 8080
  health_check_path   = "/readyz"
  domain_name         = var.api_domain_name
  certificate_arn     = var.certificate_arn
  route53_zone_id     = var.route53_zone_id
  deletion_protection = var.deletion_protection
  force_destroy_logs  = !var.deletion_protection
  web_acl_arn         = var.web_acl_arn
}

module "observability" {
  source = "../../modules/observability"

  name                    = local.name
  log_retention_days      = var.log_retention_days
  alarm_emails            = var.alarm_emails
  alb_arn_suffix          = module.alb.arn_suffix
  target_group_arn_suffix = module.alb.target_group_arn_suffix
  cluster_name            = module.service.cluster_name
  service_name            = module.service.service_name
}

module "efs" {
  source = "../../modules/efs"

  name                     = local.name
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  client_security_group_id = module.service.task_security_group_id
  client_role_arn          = module.service.task_role_arn
  posix_uid                = 1000
  posix_gid                = 1000
  enable_backups           = var.enable_efs_backups
}

module "database" {
  source = "../../modules/database"

  name                     = local.name
  mode                     = var.database_mode
  external_uri_secret_arn  = var.external_mongodb_uri_secret_arn
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  client_security_group_id = module.service.task_security_group_id
  instance_class           = var.documentdb_instance_class
  instance_count           = var.documentdb_instance_count
  backup_retention_days    = var.documentdb_backup_retention_days
  deletion_protection      = var.deletion_protection
  log_retention_days       = var.log_retention_days
}

module "static_site" {
  source = "../../modules/static-site"
  count  = local.on_cloudfront ? 1 : 0

  name                = local.name
  api_url             = local.api_url
  aliases             = var.static_aliases
  acm_certificate_arn = var.static_certificate_arn
  force_destroy       = !var.deletion_protection
}

module "service" {
  source = "../../modules/service"

  name                       = local.name
  vpc_id                     = module.network.vpc_id
  vpc_cidr_block             = module.network.vpc_cidr_block
  subnet_ids                 = local.use_nat ? module.network.private_subnet_ids : module.network.public_subnet_ids
  assign_public_ip           = !local.use_nat
  alb_security_group_id      = module.alb.security_group_id
  target_group_arn           = module.alb.target_group_arn
  alb_arn_suffix             = module.alb.arn_suffix
  target_group_arn_suffix    = module.alb.target_group_arn_suffix
  image_tag                  = var.image_tag
  cpu_architecture           = var.cpu_architecture
  cpu                        = var.task_cpu
  memory                     = var.task_memory
  node_heap_mb               = floor(var.task_memory / 2)
  desired_count              = var.min_tasks
  min_count                  = var.min_tasks
  max_count                  = var.max_tasks
  use_fargate_spot           = var.use_fargate_spot
  container_insights         = var.container_insights
  log_group_name             = module.observability.log_group_name
  log_group_arn              = module.observability.log_group_arn
  efs_file_system_id         = module.efs.file_system_id
  efs_file_system_arn        = module.efs.file_system_arn
  efs_access_point_id        = module.efs.access_point_id
  efs_access_point_arn       = module.efs.access_point_arn
  efs_mount_target_ids       = module.efs.mount_target_ids
  models_dir                 = "/models"
  mongodb_uri_secret_arn     = module.database.uri_secret_arn
  mongodb_egress_cidr_blocks = var.database_mode == "documentdb" ? [module.network.vpc_cidr_block] : var.external_mongodb_cidr_blocks
  metrics_token_secret_arn   = var.metrics_token_secret_arn
  extra_secret_arns          = var.extra_secret_arns
  public_url                 = local.api_url
  admin_origins              = local.on_cloudfront ? [module.static_site[0].origin] : []
  log_level                  = var.log_level
  shutdown_timeout_seconds   = var.shutdown_timeout_seconds
  extra_environment          = var.extra_environment
  enable_execute_command     = var.enable_execute_command
}
