output "uri_secret_arn" {
  description = "ARN of the secret holding MONGODB_URI (the task reads it through ECS secrets)."
  value       = local.documentdb ? aws_secretsmanager_secret.uri[0].arn : var.external_uri_secret_arn
}

output "endpoint" {
  description = "Writer endpoint of the DocumentDB cluster; empty in external mode."
  value       = local.documentdb ? aws_docdb_cluster.this[0].endpoint : ""
}

output "security_group_id" {
  description = "Security group of the DocumentDB cluster; empty in external mode."
  value       = local.documentdb ? aws_security_group.documentdb[0].id : ""
}
