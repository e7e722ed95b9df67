export function normaliseAddress(address: string): string;
export function withSocketAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined): string | undefined;
