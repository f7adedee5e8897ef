# The MongoDB the API talks to. documentdb: an Amazon DocumentDB 5.0 cluster with TLS,
# encrypted storage, backups and deletion protection, reachable only from the tasks; its
# connection string is written to a Secrets Manager secret that the task reads by ARN.
# external: nothing is created; the secret you made (Atlas URI …) is passed through.

locals {
  documentdb = var.mode == "documentdb"
  # DocumentDB speaks TLS with Amazon's RDS CA, which the image ships (see the Dockerfile).
  # It has no retryable writes. Reads stay on the primary: the conversation compare-and-set
  # reads the newest version before inserting the next, and a lagging replica would only
  # turn that into conflicts and retries.
  uri_options = "tls=true&tlsCAFile=/etc/ssl/certs/rds-global-bundle.pem&replicaSet=rs0&readPreference=primary&retryWrites=false"
}

resource "aws_security_group" "documentdb" {
  count = local.documentdb ? 1 : 0

  name        = "${var.name}-documentdb"
  description = "Parley DocumentDB: port 27017 from the ECS tasks only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-documentdb" })
}

resource "aws_vpc_security_group_ingress_rule" "mongodb_from_tasks" {
  count = local.documentdb ? 1 : 0

  security_group_id            = aws_security_group.documentdb[0].id
  description                  = "MongoDB wire protocol from the ECS tasks"
  ip_protocol                  = "tcp"
  from_port                    = 27017
  to_port                      = 27017
  referenced_security_group_id = var.client_security_group_id

  tags = var.tags
}

resource "aws_docdb_subnet_group" "this" {
  count = local.documentdb ? 1 : 0

  name       = var.name
  subnet_ids = var.subnet_ids

  tags = var.tags
}

resource "aws_docdb_cluster_parameter_group" "this" {
  count = local.documentdb ? 1 : 0

  name        = "${var.name}-docdb50"
  family      = "docdb5.0"
  description = "Parley: TLS required, audit and profiler logs on"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = contains(var.cloudwatch_logs_exports, "audit") ? "enabled" : "disabled"
  }

  parameter {
    name  = "profiler"
    value = contains(var.cloudwatch_logs_exports, "profiler") ? "enabled" : "disabled"
  }

  parameter {
    name  = "profiler_threshold_ms"
    value = "100"
  }

  tags = var.tags
}

# Generated once. The data source draws a new value on every plan, so the cluster and the
# secret ignore later changes; rotate by writing a new password to both (see the README).
data "aws_secretsmanager_random_password" "master" {
  count = local.documentdb ? 1 : 0

  password_length     = 40
  exclude_punctuation = true
}

resource "aws_cloudwatch_log_group" "documentdb" {
  for_each = local.documentdb ? toset(var.cloudwatch_logs_exports) : toset([])

  name              = "/aws/docdb/${var.name}/${each.value}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_docdb_cluster" "this" {
  count = local.documentdb ? 1 : 0

  cluster_identifier              = var.name
  engine                          = "docdb"
  engine_version                  = "5.0.0"
  master_username                 = var.master_username
  master_password                 = data.aws_secretsmanager_random_password.master[0].random_password
  db_subnet_group_name            = aws_docdb_subnet_group.this[0].name
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.this[0].name
  vpc_security_group_ids          = [aws_security_group.documentdb[0].id]
  port                            = 27017

  storage_encrypted               = true
  kms_key_id                      = var.kms_key_arn != "" ? var.kms_key_arn : null
  backup_retention_period         = var.backup_retention_days
  preferred_backup_window         = "02:00-03:00"
  preferred_maintenance_window    = "sun:03:30-sun:04:30"
  deletion_protection             = var.deletion_protection
  skip_final_snapshot             = !var.deletion_protection
  final_snapshot_identifier       = "${var.name}-final"
  enabled_cloudwatch_logs_exports = var.cloudwatch_logs_exports
  apply_immediately               = false

  tags = var.tags

  lifecycle {
    ignore_changes = [master_password]
  }

  depends_on = [aws_cloudwatch_log_group.documentdb]
}

resource "aws_docdb_cluster_instance" "this" {
  count = local.documentdb ? var.instance_count : 0

  identifier                 = "${var.name}-${count.index}"
  cluster_identifier         = aws_docdb_cluster.this[0].id
  instance_class             = var.instance_class
  auto_minor_version_upgrade = true
  promotion_tier             = count.index

  tags = var.tags
}

resource "aws_secretsmanager_secret" "uri" {
  count = local.documentdb ? 1 : 0

  name_prefix             = "${var.name}/mongodb-uri-"
  description             = "Parley MONGODB_URI for the DocumentDB cluster ${var.name}"
  recovery_window_in_days = var.deletion_protection ? 30 : 0

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "uri" {
  count = local.documentdb ? 1 : 0

  secret_id = aws_secretsmanager_secret.uri[0].id
  secret_string = format(
    "mongodb://%s:%s@%s:%d/%s?%s",
    var.master_username,
    data.aws_secretsmanager_random_password.master[0].random_password,
    aws_docdb_cluster.this[0].endpoint,
    aws_docdb_cluster.this[0].port,
    var.database_name,
    local.uri_options,
  )

  lifecycle {
    ignore_changes = [secret_string]
  }
}

check "external_secret_given" {
  assert {
    condition     = var.mode != "external" || startswith(var.external_uri_secret_arn, "arn:")
    error_message = "mode = external needs external_uri_secret_arn: the ARN of a secret holding the MongoDB URI."
  }
}
