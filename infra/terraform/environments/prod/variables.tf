variable "environment" {
  type        = string
  description = "Environment name: the Environment tag and part of every resource name (parley-<environment>)."
  default     = "prod"
}

variable "region" {
  type        = string
  description = "AWS region."
  default     = "eu-west-3"
}

variable "api_domain_name" {
  type        = string
  description = "Public host name of the API, e.g. api.example.com (the Messenger webhook and the widget call it)."
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone of api_domain_name: a certificate is requested and validated there and an alias record created. Empty: pass certificate_arn and create the DNS record yourself."
  default     = ""
}

variable "certificate_arn" {
  type        = string
  description = "Existing ACM certificate for api_domain_name in the region (when route53_zone_id is empty)."
  default     = ""
}

variable "image_tag" {
  type        = string
  description = "Tag of the Parley image in the ECR repository (the git commit it was built from)."
}

variable "cpu_architecture" {
  type        = string
  description = "ARM64 (Graviton, cheaper) or X86_64; build the image for it."
  default     = "ARM64"
}

variable "task_cpu" {
  type        = number
  description = "CPU units per task (512 = 0.5 vCPU)."
  default     = 512
}

variable "task_memory" {
  type        = number
  description = "Memory per task in MiB; the Node heap limit is set to half of it."
  default     = 1024
}

variable "min_tasks" {
  type        = number
  description = "Fewest running tasks (two spread over two zones survive a zone or task failure)."
  default     = 2
}

variable "max_tasks" {
  type        = number
  description = "Most running tasks autoscaling may start."
  default     = 6
}

variable "use_fargate_spot" {
  type        = bool
  description = "Run on Fargate Spot (cheaper, interruptible)."
  default     = false
}

variable "container_insights" {
  type        = string
  description = "ECS Container Insights: enabled, enhanced or disabled."
  default     = "enabled"
}

variable "database_mode" {
  type        = string
  description = "documentdb (a cluster in the VPC) or external (Atlas or another MongoDB, URI in a secret)."
  default     = "documentdb"
}

variable "external_mongodb_uri_secret_arn" {
  type        = string
  description = "database_mode = external: ARN of the secret holding the MongoDB URI."
  default     = ""
}

variable "external_mongodb_cidr_blocks" {
  type        = list(string)
  description = "database_mode = external: where tasks may connect on 27017. Atlas over the internet has no fixed addresses: 0.0.0.0/0, with TLS and SCRAM on Atlas's side."
  default     = ["0.0.0.0/0"]
}

variable "documentdb_instance_class" {
  type        = string
  description = "DocumentDB instance class."
  default     = "db.t3.medium"
}

variable "documentdb_instance_count" {
  type        = number
  description = "DocumentDB instances (2: a replica in another zone takes over on failure)."
  default     = 2
}

variable "documentdb_backup_retention_days" {
  type        = number
  description = "Days of automated DocumentDB backups."
  default     = 7
}

variable "metrics_token_secret_arn" {
  type        = string
  description = "ARN of the secret holding METRICS_TOKEN (bearer token of GET /metrics)."
}

variable "extra_secret_arns" {
  type        = map(string)
  description = "More environment variables read from Secrets Manager: name => secret ARN."
  default     = {}
}

variable "extra_environment" {
  type        = map(string)
  description = "Optional plain settings of the API (see the README's table), e.g. { MESSENGER_GRAPH_VERSION = \"v21.0\" }. No secrets."
  default     = {}
}

variable "static_hosting" {
  type        = string
  description = "cloudfront: the admin and the widget on S3 + CloudFront (upload them with scripts/upload-static.sh). api: the API serves them from the image at /admin/ and /widget.js."
  default     = "cloudfront"

  validation {
    condition     = contains(["cloudfront", "api"], var.static_hosting)
    error_message = "static_hosting must be cloudfront or api."
  }
}

variable "static_aliases" {
  type        = list(string)
  description = "Custom host names of the CloudFront distribution (e.g. admin.example.com); empty uses its cloudfront.net name."
  default     = []
}

variable "static_certificate_arn" {
  type        = string
  description = "ACM certificate in us-east-1 for static_aliases."
  default     = ""
}

variable "widget_bot_id" {
  type        = string
  description = "Bot the embed snippet output talks to."
  default     = "default"
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses that receive the alarms."
  default     = []
}

variable "log_retention_days" {
  type        = number
  description = "Days the API's and DocumentDB's logs are kept."
  default     = 90
}

variable "log_level" {
  type        = string
  description = "LOG_LEVEL of the API."
  default     = "info"
}

variable "shutdown_timeout_seconds" {
  type        = number
  description = "Drain period on SIGTERM (SHUTDOWN_TIMEOUT_MS); the container's stopTimeout is 10 s more."
  default     = 25
}

variable "vpc_cidr_block" {
  type        = string
  description = "CIDR of the VPC."
  default     = "10.40.0.0/16"
}

variable "az_count" {
  type        = number
  description = "Availability zones (2 or 3)."
  default     = 2
}

variable "enable_nat_gateway" {
  type        = bool
  description = "NAT gateways and tasks in private subnets without public IPs. Off by default: it adds about 35 USD a month per gateway."
  default     = false
}

variable "single_nat_gateway" {
  type        = bool
  description = "With NAT: one gateway for all zones instead of one per zone."
  default     = true
}

variable "enable_flow_logs" {
  type        = bool
  description = "VPC flow logs of rejected traffic."
  default     = true
}

variable "enable_efs_backups" {
  type        = bool
  description = "Daily AWS Backup of the models file system."
  default     = true
}

variable "deletion_protection" {
  type        = bool
  description = "Deletion protection on the ALB and DocumentDB, final snapshot, buckets kept on destroy."
  default     = true
}

variable "web_acl_arn" {
  type        = string
  description = "Optional WAFv2 web ACL for the ALB."
  default     = ""
}

variable "enable_execute_command" {
  type        = bool
  description = "Allow aws ecs execute-command into the tasks."
  default     = false
}
