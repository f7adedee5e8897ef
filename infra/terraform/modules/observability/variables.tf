variable "name" {
  type        = string
  description = "Prefix of every resource name (e.g. parley-prod)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource, on top of the provider's default_tags."
  default     = {}
}

variable "log_retention_days" {
  type        = number
  description = "Days the API's logs are kept in CloudWatch Logs."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365 …)."
  }
}

variable "alarm_emails" {
  type        = list(string)
  description = "Addresses subscribed to the alarm topic (each confirms by e-mail)."
  default     = []
}

variable "alb_arn_suffix" {
  type        = string
  description = "ALB ARN suffix (LoadBalancer dimension)."
}

variable "target_group_arn_suffix" {
  type        = string
  description = "Target group ARN suffix (TargetGroup dimension)."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster of the service (ClusterName dimension)."
}

variable "service_name" {
  type        = string
  description = "ECS service (ServiceName dimension)."
}

variable "error_rate_percent" {
  type        = number
  description = "Alarm when 5xx answers (target and ALB) exceed this share of requests over 5 minutes."
  default     = 5
}

variable "response_time_p95_seconds" {
  type        = number
  description = "Alarm when the p95 target response time exceeds this over 15 minutes. Server-Sent Events streams of training progress count as long requests: keep it above a few seconds."
  default     = 3
}

variable "cpu_percent" {
  type        = number
  description = "Alarm when the service's average CPU exceeds this over 15 minutes."
  default     = 85
}

variable "memory_percent" {
  type        = number
  description = "Alarm when the service's average memory exceeds this over 15 minutes (training runs in the API process)."
  default     = 85
}
