output "api_url" {
  description = "Public base URL of the API."
  value       = local.api_url
}

output "admin_url" {
  description = "Where the admin UI opens."
  value       = local.admin_url
}

output "widget_url" {
  description = "URL of the chat widget script."
  value       = local.widget_url
}

output "embed_snippet" {
  description = "What a website pastes to show the chat widget (replace the key with the widget integration's public key from the admin)."
  value       = "<script src=\"${local.widget_url}\" data-bot-id=\"${var.widget_bot_id}\" data-api-url=\"${local.api_url}\" data-key=\"<widget public key>\" async></script>"
}

output "messenger_webhook_url" {
  description = "Callback URL to give Facebook for a bot (replace <botId>)."
  value       = "${local.api_url}/api/v1/channels/messenger/<botId>/webhook"
}

output "ecr_repository_url" {
  description = "Push the image here: <url>:<image_tag>."
  value       = module.service.repository_url
}

output "alb_dns_name" {
  description = "DNS name of the ALB (point api_domain_name at it when Route 53 is not managed here)."
  value       = module.alb.dns_name
}

output "static_bucket" {
  description = "Bucket the upload script writes the admin and widget to (empty when the API serves them)."
  value       = local.on_cloudfront ? module.static_site[0].bucket_name : ""
}

output "static_distribution_id" {
  description = "CloudFront distribution the upload script invalidates (empty when the API serves them)."
  value       = local.on_cloudfront ? module.static_site[0].distribution_id : ""
}

output "mongodb_uri_secret_arn" {
  description = "Secret holding MONGODB_URI."
  value       = module.database.uri_secret_arn
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms (subscribe chat or paging tools to it)."
  value       = module.observability.alarm_topic_arn
}

output "cluster_name" {
  description = "ECS cluster (for aws ecs update-service / execute-command)."
  value       = module.service.cluster_name
}

output "service_name" {
  description = "ECS service."
  value       = module.service.service_name
}
