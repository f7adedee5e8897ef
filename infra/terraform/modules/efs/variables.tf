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
  description = "VPC of the mount targets."
}

variable "subnet_ids" {
  type        = list(string)
  description = "One subnet per zone for the mount targets (private subnets)."
}

variable "client_security_group_id" {
  type        = string
  description = "Security group of the ECS tasks: the only one allowed to reach NFS."
}

variable "client_role_arn" {
  type        = string
  description = "IAM role of the ECS task: the only principal the file system policy lets mount."
}

variable "posix_uid" {
  type        = number
  description = "User id the access point forces and owns its root with: the container's non-root user (node, 1000)."
  default     = 1000
}

variable "posix_gid" {
  type        = number
  description = "Group id the access point forces: the container's non-root group (node, 1000)."
  default     = 1000
}

variable "root_directory" {
  type        = string
  description = "Directory of the file system the access point exposes as the container's MODELS_DIR."
  default     = "/parley-models"
}

variable "kms_key_arn" {
  type        = string
  description = "Customer managed KMS key for encryption at rest. Empty: the AWS managed key aws/elasticfilesystem."
  default     = ""
}

variable "throughput_mode" {
  type        = string
  description = "EFS throughput mode. elastic bills the bytes moved (model loads are a few MB), bursting bills nothing extra but earns little credit on a small file system."
  default     = "elastic"

  validation {
    condition     = contains(["elastic", "bursting"], var.throughput_mode)
    error_message = "throughput_mode must be elastic or bursting."
  }
}

variable "enable_backups" {
  type        = bool
  description = "Daily AWS Backup of the file system (the default EFS backup plan, 35 days)."
  default     = true
}
