output "vpc_id" {
  description = "Id of the VPC."
  value       = local.vpc_id
}

output "vpc_cidr_block" {
  description = "CIDR of the VPC (security group rules use it)."
  value       = local.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets: the ALB, and the tasks when they run with public IPs."
  value       = var.create_vpc ? aws_subnet.public[*].id : var.existing_public_subnet_ids
}

output "private_subnet_ids" {
  description = "Private subnets: DocumentDB, EFS mount targets, and the tasks when NAT is on."
  value       = var.create_vpc ? aws_subnet.private[*].id : var.existing_private_subnet_ids
}

output "nat_enabled" {
  description = "Whether private subnets have a route out through NAT (tasks may then run there without public IPs)."
  value       = local.nat_count > 0
}
