# EFS for MODELS_DIR: every task reads and writes the same model artifacts. Encrypted at
# rest; mounted with TLS and IAM through an access point that forces the container's
# non-root uid/gid and creates its root directory owned by that user.

resource "aws_efs_file_system" "this" {
  creation_token   = "${var.name}-models"
  encrypted        = true
  kms_key_id       = var.kms_key_arn != "" ? var.kms_key_arn : null
  performance_mode = "generalPurpose"
  throughput_mode  = var.throughput_mode

  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }

  lifecycle_policy {
    transition_to_primary_storage_class = "AFTER_1_ACCESS"
  }

  tags = merge(var.tags, { Name = "${var.name}-models" })
}

resource "aws_efs_backup_policy" "this" {
  file_system_id = aws_efs_file_system.this.id

  backup_policy {
    status = var.enable_backups ? "ENABLED" : "DISABLED"
  }
}

resource "aws_efs_access_point" "models" {
  file_system_id = aws_efs_file_system.this.id

  posix_user {
    uid = var.posix_uid
    gid = var.posix_gid
  }

  root_directory {
    path = var.root_directory
    creation_info {
      owner_uid   = var.posix_uid
      owner_gid   = var.posix_gid
      permissions = "0750"
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-models" })
}

resource "aws_security_group" "efs" {
  name        = "${var.name}-efs"
  description = "Parley EFS mount targets: NFS from the ECS tasks only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-efs" })
}

resource "aws_vpc_security_group_ingress_rule" "nfs_from_tasks" {
  security_group_id            = aws_security_group.efs.id
  description                  = "NFS from the ECS tasks"
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  referenced_security_group_id = var.client_security_group_id

  tags = var.tags
}

resource "aws_efs_mount_target" "this" {
  count = length(var.subnet_ids)

  file_system_id  = aws_efs_file_system.this.id
  subnet_id       = var.subnet_ids[count.index]
  security_groups = [aws_security_group.efs.id]
}

data "aws_iam_policy_document" "file_system" {
  statement {
    sid     = "TaskMountsThroughAccessPoint"
    actions = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    principals {
      type        = "AWS"
      identifiers = [var.client_role_arn]
    }
    resources = [aws_efs_file_system.this.arn]
    condition {
      test     = "StringEquals"
      variable = "elasticfilesystem:AccessPointArn"
      values   = [aws_efs_access_point.models.arn]
    }
  }

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    resources = [aws_efs_file_system.this.arn]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_efs_file_system_policy" "this" {
  file_system_id = aws_efs_file_system.this.id
  policy         = data.aws_iam_policy_document.file_system.json
}
