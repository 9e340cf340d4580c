// The README's embedding snippet, as a host page runs it.
import init, { mount } from "../contact-history.js";

await init();

const first = mount(document.getElementById("first-widget"), {
  candidateId: "cand_demo",
  apiBase: new URL("../demo/api", import.meta.url).href, // any absolute URL or path
});
const second = mount(document.getElementById("second-widget"), {
  candidateId: "cand_paged",
  apiBase: "../demo/api",
  locale: "en-GB",
  timeZone: "Europe/London",
});

const log = document.getElementById("event-log");
function record(event) {
  const item = document.createElement("li");
  item.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
  log.append(item);
}
for (const id of ["first-widget", "second-widget"]) {
  const element = document.getElementById(id);
  element.addEventListener("contact-history:action", record);
  element.addEventListener("contact-history:loaded", record);
}

let showingPaged = false;
document.getElementById("switch-candidate").addEventListener("click", (event) => {
  showingPaged = !showingPaged;
  first.setCandidate(showingPaged ? "cand_paged" : "cand_demo");
  event.currentTarget.textContent = showingPaged ? "Show the demo candidate" : "Show the paginated candidate";
});
document.getElementById("refresh-first").addEventListener("click", () => first.refresh());
document.getElementById("unmount-second").addEventListener("click", (event) => {
  second.unmount();
  event.currentTarget.disabled = true;
});
