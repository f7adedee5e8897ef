import type { ButtonHTMLAttributes } from 'react';
import { usePermissions } from '../auth/session';

/**
 * A button that changes something: disabled for viewers, with the reason as its description
 * (read by screen readers, shown as a tooltip).
 */
export function WriteButton({
  disabled,
  title,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement>) {
  const { canWrite, reason } = usePermissions();
  return (
    <button
      {...props}
      disabled={!canWrite || disabled}
      title={canWrite ? title : reason}
      aria-describedby={canWrite ? props['aria-describedby'] : 'viewer-reason'}
    />
  );
}
