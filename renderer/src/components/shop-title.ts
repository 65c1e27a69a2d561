/** "Harbour Lane Provisions — demo"; the workspace's name only when it is not the shop's ("My shop", not "My shop — My shop"). */
export function shopTitle(shopName: string | undefined, workspaceName: string | undefined): string {
  const shop = shopName?.trim() || workspaceName || '';
  return workspaceName && workspaceName !== shop ? `${shop} — ${workspaceName}` : shop;
}
