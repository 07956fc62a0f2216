// One Adaptive Card through Microsoft's renderer (the npm package `adaptivecards`, loaded before
// this script as the global `AdaptiveCards`), into the #card container, measured as a phone
// shows it. Called from browser/card_on_a_phone.py as window.renderOnPhone(card, hostConfig,
// ids, version).
"use strict";

(function () {
  const AC = window.AdaptiveCards;
  // Half a CSS pixel of rounding, never more: a pixel cut off is cut off.
  const SLACK = 0.5;

  function finding(stage, event) {
    return {
      stage: stage,
      event: AC.ValidationEvent[event.event] || String(event.event),
      phase: AC.ValidationPhase[event.phase] || String(event.phase),
      message: event.message,
      source: event.source ? event.source.getJsonTypeName() : null,
    };
  }

  function where(node) {
    const classes = typeof node.className === "string" ? node.className.trim() : "";
    const text = (node.innerText || node.value || node.placeholder || "").trim();
    return node.tagName.toLowerCase() + (classes ? "." + classes.split(/\s+/).join(".") : "") +
      (text ? " \"" + text.slice(0, 60) + "\"" : "");
  }

  // Anything laid out left or right of the container, or wider inside than its own box.
  function overflows(root, box) {
    const found = [];
    for (const node of [root, ...root.querySelectorAll("*")]) {
      const rect = node.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue; // not laid out: hidden
      if (rect.left < box.left - SLACK || rect.right > box.right + SLACK) {
        found.push({problem: "outside the card's width", node: where(node),
                    left: rect.left - box.left, right: rect.right - box.left});
      } else if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) {
        found.push({problem: "content wider than its box (cut off or spilling)", node: where(node),
                    scrollWidth: node.scrollWidth, clientWidth: node.clientWidth});
      }
    }
    return found;
  }

  // The top-level body item an action belongs to, or the card itself for the card's actions.
  function topLevelOf(card, action) {
    let node = action.parent;
    while (node && node.parent && node.parent !== card) node = node.parent;
    return node;
  }

  function rectOf(element, top) {
    const rect = element.getBoundingClientRect();
    return {top: rect.top - top, bottom: rect.bottom - top, height: rect.height,
            width: rect.width};
  }

  // Every action in reading order: the body's (buttons of action sets, and elements that are
  // buttons themselves through a selectAction), then the card's own buttons.
  function actionsInOrder(card) {
    const found = [];
    for (let i = 0; i < card.getItemCount(); i++) found.push(...card.getItemAt(i).getAllActions());
    for (let i = 0; i < card.getActionCount(); i++) found.push(card.getActionAt(i));
    return [...new Set(found)]; // an ActionSet lists its buttons twice
  }

  // What the pupil presses: the button, or the element a selectAction makes tappable.
  function pressable(action) {
    if (action.renderedElement) return action.renderedElement;
    const owner = action.parent;
    const selects = owner && (owner.selectAction === action || owner._selectAction === action);
    return selects ? owner.renderedElement : null;
  }

  // The primary action: the first Action.Submit, with every Action.Submit beside it in the same
  // top-level part of the card (the face buttons of a row; the card's own buttons).
  function primary(card, top) {
    const submits = actionsInOrder(card).filter((a) => a.getJsonTypeName() === "Action.Submit");
    if (submits.length === 0) return null;
    const home = topLevelOf(card, submits[0]);
    const group = submits.filter((a) => topLevelOf(card, a) === home);
    const buttons = group.map((a) => {
      const element = pressable(a);
      return {
        title: a.title || "",
        rect: element && element.isConnected ? rectOf(element, top) : null,
      };
    });
    return {buttons: buttons};
  }

  // Each top-level body item as laid out, with the spacing above it; optional when it holds
  // inputs and none of them is required.
  function sections(card, top) {
    const found = [];
    let previousBottom = 0;
    for (let i = 0; i < card.getItemCount(); i++) {
      const item = card.getItemAt(i);
      const element = item.renderedElement;
      if (!element || !element.isConnected || !item.isVisible) continue;
      const rect = rectOf(element, top);
      if (rect.height === 0) continue;
      const inputs = item.getAllInputs(false);
      found.push({
        index: i,
        type: item.getJsonTypeName(),
        id: item.id || null,
        inputs: inputs.length,
        optional: inputs.length > 0 && inputs.every((input) => !input.isRequired),
        top: rect.top,
        bottom: rect.bottom,
        height: rect.bottom - previousBottom,
      });
      previousBottom = rect.bottom;
    }
    return found;
  }

  function fallbacks(card, ids, top) {
    return ids.map((id) => {
      const element = card.getElementById(id);
      const shown = element && element.renderedElement && element.renderedElement.isConnected ?
        rectOf(element.renderedElement, top) : null;
      return {id: id, parsed: Boolean(element), rect: shown};
    });
  }

  window.renderOnPhone = function (json, hostConfig, fallbackIds, version) {
    const host = document.getElementById("card");
    host.replaceChildren();
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(hostConfig);
    // Parsed as the host's version: a property of a later version is a finding.
    const context = new AC.SerializationContext(AC.Versions["v" + version.replace(".", "_")]);
    card.parse(json, context);
    const findings = [];
    for (let i = 0; i < context.eventCount; i++) {
      findings.push(finding("parse", context.getEventAt(i)));
    }
    for (const event of card.validateProperties().validationEvents) {
      findings.push(finding("validate", event));
    }
    const rendered = card.render();
    if (!rendered) return {rendered: false, findings: findings};
    host.appendChild(rendered);
    const box = host.getBoundingClientRect();
    const own = rendered.getBoundingClientRect();
    return {
      rendered: true,
      version: card.version ? card.version.toString() : null,
      findings: findings,
      width: own.width,
      height: own.height,
      overflows: overflows(rendered, box),
      pageWidth: document.documentElement.scrollWidth,
      primary: primary(card, own.top),
      sections: sections(card, own.top),
      fallbacks: fallbacks(card, fallbackIds, own.top),
    };
  };
})();
