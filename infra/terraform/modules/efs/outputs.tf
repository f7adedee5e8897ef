output "file_system_id" {
  description = "Id of the EFS file system."
  value       = aws_efs_file_system.this.id
}

output "file_system_arn" {
  description = "ARN of the EFS file system (the task role's mount permission names it)."
  value       = aws_efs_file_system.this.arn
}

output "access_point_id" {
  description = "Access point the task mounts as MODELS_DIR."
  value       = aws_efs_access_point.models.id
}

output "access_point_arn" {
  description = "ARN of the access point."
  value       = aws_efs_access_point.models.arn
}

output "security_group_id" {
  description = "Security group of the mount targets (NFS from the tasks only)."
  value       = aws_security_group.efs.id
}

output "mount_target_ids" {
  description = "Mount targets, one per subnet (the service waits for them)."
  value       = aws_efs_mount_target.this[*].id
}
