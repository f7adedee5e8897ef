output "security_group_id" {
  description = "Security group of the ALB: the tasks accept traffic only from it."
  value       = aws_security_group.alb.id
}

output "target_group_arn" {
  description = "Target group the ECS service registers its tasks in."
  value       = aws_lb_target_group.api.arn
}

output "arn_suffix" {
  description = "ALB ARN suffix, the LoadBalancer dimension of its CloudWatch metrics."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn_suffix" {
  description = "Target group ARN suffix, the TargetGroup dimension of its CloudWatch metrics."
  value       = aws_lb_target_group.api.arn_suffix
}

output "dns_name" {
  description = "DNS name of the ALB (point domain_name at it when route53_zone_id is empty)."
  value       = aws_lb.this.dns_name
}

output "https_listener_arn" {
  description = "HTTPS listener (for extra rules)."
  value       = aws_lb_listener.https.arn
}

output "api_url" {
  description = "Public base URL of the API."
  value       = "https://${var.domain_name}"
}
