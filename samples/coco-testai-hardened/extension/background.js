// Service worker of the Coco TestAI Chrome extension, after CSEC-42..44.
const API_URL = "https://api.cocotestai.com";
const TRUSTED_ORIGINS = new Set(["https://app.cocotestai.com"]);

// Session storage lives in memory only and is hidden from content scripts.
chrome.storage.session.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" });

chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  if (!TRUSTED_ORIGINS.has(sender.origin)) return false;
  if (message.type === "LOGIN_SUCCESS") {
    chrome.storage.session.set({ authToken: message.token });
    notifyAppTabs();
    sendResponse({ ok: true });
  }
  return true;
});

chrome.runtime.onMessage.addListener(async (message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return;
  const { authToken } = await chrome.storage.session.get("authToken");
  const res = await fetch(`${API_URL}/api/test-runs/`, {
    method: "POST",
    headers: { Authorization: `Bearer ${authToken}`, "Content-Type": "application/json" },
    body: JSON.stringify(message.run),
  });
  sendResponse(await res.json());
});

async function notifyAppTabs() {
  const tabs = await chrome.tabs.query({ url: "https://app.cocotestai.com/*" });
  for (const tab of tabs) chrome.tabs.sendMessage(tab.id, { type: "AUTH_CHANGED" });
}
