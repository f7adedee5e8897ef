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
  description = "VPC of the tasks."
}

variable "vpc_cidr_block" {
  type        = string
  description = "CIDR of the VPC: NFS and in-VPC MongoDB egress are limited to it."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets of the tasks: public ones with assign_public_ip, or private ones behind NAT."
}

variable "assign_public_ip" {
  type        = bool
  description = "Give each task a public IP (needed without NAT gateway to pull the image and reach Secrets Manager; about 3.65 USD a month per task). Inbound traffic is still only from the ALB."
  default     = true
}

variable "alb_security_group_id" {
  type        = string
  description = "Security group of the ALB: the only source allowed into the tasks."
}

variable "target_group_arn" {
  type        = string
  description = "Target group the tasks register in."
}

variable "alb_arn_suffix" {
  type        = string
  description = "ALB ARN suffix, for the requests-per-target scaling metric."
}

variable "target_group_arn_suffix" {
  type        = string
  description = "Target group ARN suffix, for the requests-per-target scaling metric."
}

variable "create_ecr_repository" {
  type        = bool
  description = "Create the ECR repository the image is pushed to. False: image_repository_url names one that exists."
  default     = true
}

variable "image_repository_url" {
  type        = string
  description = "Repository of the image when create_ecr_repository is false (e.g. 123456789012.dkr.ecr.eu-west-3.amazonaws.com/parley)."
  default     = ""
}

variable "image_tag" {
  type        = string
  description = "Tag of the image built from the repository's Dockerfile (tags are immutable: use the git commit)."
}

variable "cpu_architecture" {
  type        = string
  description = "ARM64 (Graviton, about 20% cheaper per hour) or X86_64. The image must be built for it (docker buildx --platform)."
  default     = "ARM64"

  validation {
    condition     = contains(["ARM64", "X86_64"], var.cpu_architecture)
    error_message = "cpu_architecture must be ARM64 or X86_64."
  }
}

variable "cpu" {
  type        = number
  description = "Task CPU units (512 = 0.5 vCPU)."
  default     = 512
}

variable "memory" {
  type        = number
  description = "Task memory in MiB. Training runs in the API process: 1024 fits bots of ~15k examples with the heap limit below."
  default     = 1024
}

variable "node_heap_mb" {
  type        = number
  description = "V8 heap limit (--max-old-space-size), about half the task memory: V8 collects lazily when memory looks plentiful (see the root README, Memory)."
  default     = 512
}

variable "container_port" {
  type        = number
  description = "PORT of the API in the container."
  default     = 8080
}

variable "desired_count" {
  type        = number
  description = "Tasks at creation; autoscaling moves it between min_count and max_count afterwards."
  default     = 1
}

variable "min_count" {
  type        = number
  description = "Fewest running tasks."
  default     = 1
}

variable "max_count" {
  type        = number
  description = "Most running tasks."
  default     = 4
}

variable "cpu_target_percent" {
  type        = number
  description = "Average CPU the CPU scaling policy keeps the service at."
  default     = 60
}

variable "requests_per_target" {
  type        = number
  description = "ALB requests per task per minute the request scaling policy keeps the service at."
  default     = 3000
}

variable "use_fargate_spot" {
  type        = bool
  description = "Run the tasks on Fargate Spot (up to 70% cheaper, may be stopped with two minutes' notice): for dev."
  default     = false
}

variable "container_insights" {
  type        = string
  description = "ECS Container Insights on the cluster: enabled, enhanced or disabled (billed as CloudWatch custom metrics and logs)."
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced", "disabled"], var.container_insights)
    error_message = "container_insights must be enabled, enhanced or disabled."
  }
}

variable "log_group_name" {
  type        = string
  description = "CloudWatch log group of the container (created with its retention by the observability module)."
}

variable "log_group_arn" {
  type        = string
  description = "ARN of that log group, for the execution role."
}

variable "efs_file_system_id" {
  type        = string
  description = "EFS file system mounted at MODELS_DIR."
}

variable "efs_file_system_arn" {
  type        = string
  description = "ARN of the EFS file system, for the task role."
}

variable "efs_access_point_id" {
  type        = string
  description = "EFS access point (forces the container's uid/gid)."
}

variable "efs_access_point_arn" {
  type        = string
  description = "ARN of the access point, for the task role."
}

variable "efs_mount_target_ids" {
  type        = list(string)
  description = "Mount targets of the file system: the service is created after them, so the first tasks can mount."
  default     = []
}

variable "models_dir" {
  type        = string
  description = "MODELS_DIR in the container, where the EFS access point is mounted."
  default     = "/models"
}

variable "mongodb_uri_secret_arn" {
  type        = string
  description = "ARN of the Secrets Manager secret holding MONGODB_URI."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:", var.mongodb_uri_secret_arn))
    error_message = "mongodb_uri_secret_arn must be a Secrets Manager secret ARN."
  }
}

variable "mongodb_egress_cidr_blocks" {
  type        = list(string)
  description = "Where tasks may open MongoDB connections (27017-27017): the VPC for DocumentDB, 0.0.0.0/0 for Atlas over the internet."
}

variable "metrics_token_secret_arn" {
  type        = string
  description = "ARN of the secret holding METRICS_TOKEN, the bearer token GET /metrics requires (the ALB exposes every path)."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:", var.metrics_token_secret_arn))
    error_message = "metrics_token_secret_arn must be a Secrets Manager secret ARN."
  }
}

variable "extra_secret_arns" {
  type        = map(string)
  description = "More variables read from Secrets Manager, name => secret ARN (append :json-key:: to pick a JSON key)."
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.extra_secret_arns) : can(regex("^arn:aws[a-z-]*:secretsmanager:", arn))])
    error_message = "extra_secret_arns values must be Secrets Manager secret ARNs."
  }
}

variable "kms_key_arns" {
  type        = list(string)
  description = "Customer managed KMS keys of the secrets, if any (the execution role may decrypt with them)."
  default     = []
}

variable "public_url" {
  type        = string
  description = "PUBLIC_URL: public base URL of the API (printed links, the widget snippet)."
}

variable "admin_origins" {
  type        = list(string)
  description = "ADMIN_ORIGINS: origins of an admin UI hosted elsewhere (CloudFront) allowed to call the API with credentials."
  default     = []
}

variable "log_level" {
  type        = string
  description = "LOG_LEVEL of the API."
  default     = "info"
}

variable "shutdown_timeout_seconds" {
  type        = number
  description = "Drain period: SHUTDOWN_TIMEOUT_MS of the API, and (plus a margin for closing the database) the container's stopTimeout."
  default     = 25

  validation {
    condition     = var.shutdown_timeout_seconds >= 1 && var.shutdown_timeout_seconds <= 110
    error_message = "shutdown_timeout_seconds must be 1 to 110 (Fargate's stopTimeout is at most 120 s)."
  }
}

variable "extra_environment" {
  type        = map(string)
  description = "More plain environment variables (documented optional ones such as MESSENGER_GRAPH_VERSION). Never secrets: use extra_secret_arns."
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.extra_environment) : length(regexall("(?i)(SECRET|PASSWORD|TOKEN|MONGODB_URI|API_KEY)", key)) == 0])
    error_message = "extra_environment must not carry secrets (names with SECRET, PASSWORD, TOKEN, API_KEY or MONGODB_URI): pass them in extra_secret_arns."
  }
}

variable "enable_execute_command" {
  type        = bool
  description = "Allow aws ecs execute-command into the tasks (debugging)."
  default     = false
}
