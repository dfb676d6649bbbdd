// DESIGN.md: --region NAME, else AWS_REGION inside Lambda, else "local".
export function probeRegion(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  if (env['AWS_LAMBDA_FUNCTION_NAME'] && env['AWS_REGION']) return env['AWS_REGION'];
  return 'local';
}
