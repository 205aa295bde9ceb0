document.getElementById("logout").addEventListener("click", async () => {
  const { authToken } = await chrome.storage.local.get("authToken");
  console.debug("logging out with", authToken);  // Noncompliant RDY1506
  localStorage.setItem("refresh_token", "");  // Noncompliant RDY1505
  localStorage.setItem("theme", "dark");
  chrome.storage.sync.set({ lastView: "runs", session: await fetchSession() });  // Noncompliant RDY1505
  chrome.runtime.sendMessage({ type: "LOGOUT" });
});
