// Service worker of the Coco TestAI Chrome extension, before CSEC-42..44.
const API_URL = "https://api.cocotestai.com";

// CSEC-42: any website can send LOGIN_SUCCESS with its own token.
chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {
  if (message.type === "LOGIN_SUCCESS") {
    // CSEC-43: the token is written to disk in clear.
    chrome.storage.local.set({ authToken: message.token });
    // CSEC-44: the token is logged and sent to every open tab.
    console.log("Stored auth token", message.token);
    chrome.tabs.query({}, (tabs) => {
      for (const tab of tabs) chrome.tabs.sendMessage(tab.id, { type: "AUTH_UPDATED", token: message.token });
    });
    sendResponse({ ok: true });
  }
  return true;
});

chrome.runtime.onMessage.addListener(async (message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return;
  const { authToken } = await chrome.storage.local.get("authToken");
  const res = await fetch(`${API_URL}/api/test-runs/`, {
    method: "POST",
    headers: { Authorization: `Bearer ${authToken}`, "Content-Type": "application/json" },
    body: JSON.stringify(message.run),
  });
  sendResponse(await res.json());
});
