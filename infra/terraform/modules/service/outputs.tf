output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.api.name
}

output "task_security_group_id" {
  description = "Security group of the tasks (EFS and DocumentDB accept connections from it only)."
  value       = aws_security_group.task.id
}

output "task_role_arn" {
  description = "IAM role of the API in the task (the EFS file system policy names it)."
  value       = aws_iam_role.task.arn
}

output "repository_url" {
  description = "ECR repository to push the image to."
  value       = var.create_ecr_repository ? aws_ecr_repository.this[0].repository_url : var.image_repository_url
}

output "task_definition_arn" {
  description = "ARN of the current task definition revision."
  value       = aws_ecs_task_definition.api.arn
}
