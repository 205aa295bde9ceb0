const API_URL = "https://api.cocotestai.com";
const TRUSTED_ORIGINS = new Set(["https://app.cocotestai.com"]);

chrome.storage.session.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" });
console.info("storage areas ready", chrome.storage.session, chrome.storage.local);

chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  if (!TRUSTED_ORIGINS.has(sender.origin)) return false;
  if (message.type === "LOGIN_SUCCESS") {
    chrome.storage.session.set({ authToken: message.token });
    console.log("Stored auth token:", Boolean(message));
    notifyAppTabs();
    sendResponse({ ok: true });
  }
  return true;
});

chrome.runtime.onMessage.addListener(handleMessage);

async function handleMessage(message, sender, sendResponse) {
  if (sender.id !== chrome.runtime.id) return;
  const { authToken } = await chrome.storage.session.get("authToken");
  const res = await fetch(`${API_URL}/api/test-runs/`, {
    method: "POST",
    headers: { Authorization: `Bearer ${authToken}` },
    body: JSON.stringify(message.run),
  });
  sendResponse(await res.json());
}

async function notifyAppTabs() {
  const tabs = await chrome.tabs.query({ url: "https://app.cocotestai.com/*" });
  for (const tab of tabs) chrome.tabs.sendMessage(tab.id, { type: "AUTH_CHANGED" });
}

async function persist(refreshToken) {
  const sealed = await encrypt(refreshToken);
  await chrome.storage.local.set({ refreshToken: await encrypt(refreshToken), sealed });
}
