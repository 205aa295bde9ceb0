// Coco TestAI extension service worker (seed plan 000, before CSEC-42..44).
const API_URL = "https://api.cocotestai.com";

chrome.runtime.onMessageExternal.addListener((message, sender, sendResponse) => {  // Noncompliant RDY1504
  if (message.type === "LOGIN_SUCCESS") {
    chrome.storage.local.set({ authToken: message.token, user: message.user });  // Noncompliant RDY1505
    console.log("Stored auth token", message.token);  // Noncompliant RDY1506
    broadcastAuth(message.token);
    sendResponse({ ok: true });
  }
  return true;
});

chrome.runtime.onMessage.addListener(handleMessage);  // Noncompliant RDY1504

async function handleMessage(message, _sender, sendResponse) {
  const { authToken } = await chrome.storage.local.get("authToken");
  const res = await fetch(`${API_URL}/api/test-runs/`, {
    method: "POST",
    headers: { Authorization: `Bearer ${authToken}`, "Content-Type": "application/json" },
    body: JSON.stringify(message.run),
  });
  sendResponse(await res.json());
}

chrome.runtime.onMessage.addListener((message) => {
  // Only UI state, no privileged work: not reported.
  if (message.type === "PING") return "pong";
});

function broadcastAuth(token) {
  chrome.tabs.query({}, (tabs) => {
    for (const tab of tabs) {
      chrome.tabs.sendMessage(tab.id, { type: "AUTH_UPDATED", token });  // Noncompliant RDY1507
    }
  });
}

self.addEventListener("install", () => console.log("Coco recorder installed, tokenCount:", 0));
