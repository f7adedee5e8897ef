variable "name" {
  type        = string
  description = "Prefix of every resource name (e.g. parley-prod)."
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource, on top of the provider's default_tags."
  default     = {}
}

variable "create_vpc" {
  type        = bool
  description = "Create a VPC. False: use existing_vpc_id and the existing subnet ids."
  default     = true
}

variable "cidr_block" {
  type        = string
  description = "CIDR of the VPC created when create_vpc is true."
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "cidr_block must be a valid IPv4 CIDR, e.g. 10.40.0.0/16."
  }
}

variable "az_count" {
  type        = number
  description = "Availability zones to spread subnets over (the ALB needs two)."
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "enable_nat_gateway" {
  type        = bool
  description = "Add NAT gateways so tasks can run in private subnets without public IPs. Off by default: about 35 USD a month per gateway plus 0.048 USD per GB."
  default     = false
}

variable "single_nat_gateway" {
  type        = bool
  description = "With enable_nat_gateway, one gateway for all zones (cheaper) instead of one per zone (survives a zone outage)."
  default     = true
}

variable "enable_flow_logs" {
  type        = bool
  description = "Send VPC flow logs (rejected traffic only) to CloudWatch Logs."
  default     = true
}

variable "flow_log_retention_days" {
  type        = number
  description = "Retention of the flow log group, in days."
  default     = 30
}

variable "existing_vpc_id" {
  type        = string
  description = "VPC to use when create_vpc is false."
  default     = ""
}

variable "existing_vpc_cidr_block" {
  type        = string
  description = "CIDR of the existing VPC (security group rules use it) when create_vpc is false."
  default     = ""
}

variable "existing_public_subnet_ids" {
  type        = list(string)
  description = "Public subnets (route to an internet gateway) for the ALB and tasks, when create_vpc is false."
  default     = []
}

variable "existing_private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for DocumentDB and the EFS mount targets, when create_vpc is false."
  default     = []
}
