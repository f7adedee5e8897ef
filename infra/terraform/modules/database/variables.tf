variable "name" {
  type        = string
  description = "Prefix of every resource name (e.g. parley-prod)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource, on top of the provider's default_tags."
  default     = {}
}

variable "mode" {
  type        = string
  description = "documentdb: an Amazon DocumentDB 5.0 cluster in the private subnets. external: MongoDB Atlas or any MongoDB whose URI you stored in Secrets Manager (external_uri_secret_arn)."
  default     = "documentdb"

  validation {
    condition     = contains(["documentdb", "external"], var.mode)
    error_message = "mode must be documentdb or external."
  }
}

variable "external_uri_secret_arn" {
  type        = string
  description = "mode = external: ARN of the Secrets Manager secret whose value is the mongodb:// or mongodb+srv:// URI."
  default     = ""
}

variable "database_name" {
  type        = string
  description = "Database name in the generated DocumentDB URI."
  default     = "parley"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster (mode = documentdb)."
  default     = ""
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets of the cluster, one per zone (mode = documentdb)."
  default     = []
}

variable "client_security_group_id" {
  type        = string
  description = "Security group of the ECS tasks: the only one allowed to reach port 27017."
  default     = ""
}

variable "instance_class" {
  type        = string
  description = "DocumentDB instance class. db.t3.medium is the smallest; db.t4g.medium is about 10% cheaper where offered."
  default     = "db.t3.medium"
}

variable "instance_count" {
  type        = number
  description = "DocumentDB instances: 1 is a single writer; 2 or more add replicas in other zones that take over on failure."
  default     = 1
}

variable "master_username" {
  type        = string
  description = "Master user of the DocumentDB cluster."
  default     = "parley"
}

variable "backup_retention_days" {
  type        = number
  description = "Days of automated DocumentDB backups (1 to 35)."
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the cluster, and keep a final snapshot when it is deleted (on in production)."
  default     = true
}

variable "kms_key_arn" {
  type        = string
  description = "Customer managed KMS key for storage encryption. Empty: the AWS managed key aws/rds."
  default     = ""
}

variable "cloudwatch_logs_exports" {
  type        = list(string)
  description = "DocumentDB logs sent to CloudWatch: audit (authentication, DDL) and profiler (operations slower than 100 ms)."
  default     = ["audit", "profiler"]
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the DocumentDB log groups, in days."
  default     = 30
}
