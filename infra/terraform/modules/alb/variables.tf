variable "name" {
  type        = string
  description = "Prefix of every resource name (e.g. parley-prod)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource, on top of the provider's default_tags."
  default     = {}
}

variable "vpc_id" {
  type        = string
  description = "VPC of the load balancer."
}

variable "vpc_cidr_block" {
  type        = string
  description = "CIDR of the VPC: the ALB may send traffic only there, on the target port."
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets in at least two zones."
}

variable "target_port" {
  type        = number
  description = "Port the API listens on in the container (the API's PORT)."
  default     = 8080
}

variable "health_check_path" {
  type        = string
  description = "Path the target group probes: the API's readiness endpoint (answers 503 while the database is unreachable)."
  default     = "/readyz"
}

variable "domain_name" {
  type        = string
  description = "Public host name of the API, e.g. api.example.com."
}

variable "certificate_arn" {
  type        = string
  description = "ACM certificate for domain_name in this region. Empty: one is requested and validated in route53_zone_id."
  default     = ""
}

variable "route53_zone_id" {
  type        = string
  description = "Hosted zone of domain_name: when set, the certificate is validated there and an alias record points at the ALB. Empty: create the DNS records yourself."
  default     = ""
}

variable "ingress_cidr_blocks" {
  type        = list(string)
  description = "Who may reach the ALB on 80 and 443. The chat widget and Messenger need the whole internet."
  default     = ["0.0.0.0/0"]
}

variable "idle_timeout_seconds" {
  type        = number
  description = "Idle timeout of connections. Training progress is streamed with Server-Sent Events that can stay silent for a whole epoch, so the 60 s default is too short."
  default     = 300
}

variable "deregistration_delay_seconds" {
  type        = number
  description = "How long a stopping task keeps receiving in-flight requests before it is removed."
  default     = 30
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the load balancer (on in production)."
  default     = false
}

variable "access_logs_retention_days" {
  type        = number
  description = "Days the access logs are kept in their S3 bucket."
  default     = 30
}

variable "ssl_policy" {
  type        = string
  description = "TLS policy of the HTTPS listener."
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "web_acl_arn" {
  type        = string
  description = "Optional AWS WAFv2 web ACL to associate with the ALB (about 5 USD a month plus 1 USD per rule)."
  default     = ""
}

variable "force_destroy_logs" {
  type        = bool
  description = "Let terraform destroy delete the access-log bucket with its logs (dev)."
  default     = false
}
