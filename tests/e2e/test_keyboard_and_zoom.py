"""Keyboard only, zoomed in to 200 % and reflowed at 320 px: WCAG 2.1.1, 2.4.7, 1.4.4 and 1.4.10."""

import pytest
from django.urls import reverse

from activities.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)

# The focused element, whether its focus shows (an outline of 2 px or more, as :focus-visible gives it).
FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name") || "",
    text: (el.innerText || el.value || "").trim().slice(0, 60), type: el.type || "",
    // The calendar button inside a date field: the field does not match :focus then, and the
    // button's outline (site.css, ::-webkit-calendar-picker-indicator) cannot be read from script;
    // it was checked on a screenshot.
    picker: ["date", "time"].includes(el.type) && !el.matches(":focus"),
    visible: el === document.body || (outline && box.width > 0 && box.height > 0)
      || (["date", "time"].includes(el.type) && !el.matches(":focus")),
  };
}"""


def tab_to(page, wanted, limit=80):
    """Press Tab until `wanted(focus)` holds; every stop on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus["visible"], f"focus not visible on {focus}"
        if wanted(focus):
            return focus
    raise AssertionError("never reached the element with Tab")


def test_register_for_an_activity_with_the_keyboard_only(page, live_server, site_data):
    page.goto(f"{live_server.url}/activiteiten/")
    # The first Tab reaches the skip link, which then shows; Enter moves focus into the content.
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUS)
    assert skip["text"] == "Ga direct naar de inhoud" and skip["visible"]
    assert page.locator(".utrecht-skip-link").bounding_box()["height"] > 0
    page.keyboard.press("Enter")
    tab_to(page, lambda f: f["tag"] == "a" and f["text"] == "Samen koken")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{site_data.workshop.url}")
    tab_to(page, lambda f: f["tag"] == "a" and f["text"].startswith("Aanmelden"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanmelden/**")
    tab_to(page, lambda f: f["id"] == "id_first_name")
    page.keyboard.type("Yonas")
    tab_to(page, lambda f: f["id"] == "id_email")
    page.keyboard.type("yonas@example.org")
    tab_to(page, lambda f: f["id"] == "id_children")
    page.keyboard.press("ArrowUp")  # one child comes along
    tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanmelding/**")
    registration = Registration.objects.get(email="yonas@example.org")
    assert (registration.first_name, registration.children) == ("Yonas", 1)


def test_check_boxes_and_the_filter_disclosure_work_with_space_and_enter(page, live_server, site_data):
    page.goto(f"{live_server.url}/welkomhuizen/")
    tab_to(page, lambda f: f["name"] == "facility" and f["id"].endswith("_2"))  # free wifi
    page.keyboard.press("Space")
    tab_to(page, lambda f: f["tag"] == "button")
    page.keyboard.press("Enter")
    page.wait_for_url("**facility=has_wifi**")
    assert page.locator(".card-list .card__title").all_inner_texts() == ["Bibliotheek Neude"]

    page.goto(f"{live_server.url}/activiteiten/")
    tab_to(page, lambda f: f["tag"] == "summary")
    page.keyboard.press("Enter")
    assert page.locator(".filter-form__more").get_attribute("open") is not None


# What a problem looks like: the page scrolls sideways, or text sticks out of the viewport.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const out = [];
  const where = (box) => Math.round(box.left) + ".." + Math.round(box.right);
  const outside = (box) => box.width && (box.right > width + 1 || box.left < -1);
  const skip = ".visually-hidden, .table-scroll, .leaflet-container, .utrecht-skip-link, script, option";
  const page = document.documentElement.scrollWidth;
  if (page > width) out.push("scrollWidth " + page);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || node.parentElement.closest(skip)) continue;
    range.selectNodeContents(node);
    const rect = [...range.getClientRects()].find(outside);
    if (rect) out.push("text '" + node.textContent.trim().slice(0, 30) + "' " + where(rect));
  }
  for (const el of document.querySelectorAll("main *, header *, footer *")) {
    if (el.closest(skip)) continue;
    const box = el.getBoundingClientRect();
    if (!box.height) continue;
    if (outside(box)) out.push(el.tagName + "." + el.className + " " + where(box));
    const cut = ["hidden", "clip"].includes(getComputedStyle(el).overflowX);
    if (cut && el.scrollWidth > el.clientWidth + 1 && !el.matches("input, select, textarea")) {
      out.push("clipped " + el.tagName + "." + el.className);
    }
  }
  return out.slice(0, 5);
}"""


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 640, "height": 360},  # a 1280 x 720 window at 200 %
        {"width": 320, "height": 256},  # WCAG reflow: 1280 px at 400 %
    ],
    ids=["200-percent", "reflow-320"],
)
def test_zoomed_in_nothing_scrolls_sideways_or_is_cut_off(browser, live_server, site_data, viewport):
    context = browser.new_context(viewport=viewport, device_scale_factor=2, locale="nl-NL")
    page = context.new_page()
    paths = [
        "/",
        "/welkomhuizen/",
        site_data.location.url,
        "/activiteiten/",
        "/activiteiten/?view=map",
        site_data.workshop.url,
        reverse("activities:register", args=[site_data.occurrence.pk]),
        "/vrijwilligers/",
        site_data.opportunity.url,
        reverse("volunteers:ervaringsdeskundige_signup"),
        reverse("volunteers:newcomer_request"),
        site_data.wegwijzer_page.url,
        site_data.story.url,
        "/toegankelijkheid/",
    ]
    problems = {}
    for prefix in ["", "/ar"]:
        for path in paths:
            page.goto(f"{live_server.url}{prefix}{path}")
            if found := page.evaluate(OVERFLOW):
                problems[f"{prefix}{path}"] = found
    context.close()
    assert problems == {}
