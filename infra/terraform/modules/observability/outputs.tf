output "log_group_name" {
  description = "Log group of the API container."
  value       = aws_cloudwatch_log_group.api.name
}

output "log_group_arn" {
  description = "ARN of the API's log group."
  value       = aws_cloudwatch_log_group.api.arn
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = aws_sns_topic.alarms.arn
}
