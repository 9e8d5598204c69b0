"""A rough HTML picture of Block Kit blocks, to look at a reply as a person would.

Slack's own Block Kit Builder needs a browser session and a workspace; this needs neither, so a
reviewer (or `peerbot render --format html`) can screenshot every kind of reply headless and see
its weight: how many blocks, how long each citation runs, what stands out. It is a preview, not
Slack: mrkdwn is translated for the few features our renderers use (bold, italics, code, links,
block quotes, line breaks, a handful of emoji) and everything else is shown as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

Json = dict[str, Any]

_EMOJI = {
    ":book:": "📖",
    ":warning:": "⚠️",
    ":mag:": "🔍",
    ":thumbsup:": "👍",
    ":thumbsdown:": "👎",
    ":rotating_light:": "🚨",
    ":telephone_receiver:": "📞",
    ":page_facing_up:": "📄",
    ":bust_in_silhouette:": "👤",
    ":speech_balloon:": "💬",
    ":link:": "🔗",
}
_LINK = re.compile(r"<((?:https?|tel|sms|mailto):[^|<>]*)\|([^<>]*)>")
_SLACK_ENTITIES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")

_STYLE = """
body { font-family: -apple-system, 'Segoe UI', Lato, Arial, sans-serif; font-size: 15px;
       color: #1d1c1d; background: #fff; margin: 0; padding: 16px 20px; }
.msg { display: flex; gap: 10px; max-width: 820px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; background: #2b7a78; color: #fff;
          font-weight: 700; display: flex; align-items: center; justify-content: center; }
.who { font-weight: 900; margin-bottom: 2px; }
.who small { color: #616061; font-weight: 400; margin-left: 6px; }
.block { margin: 4px 0; line-height: 1.45; }
.section { display: flex; justify-content: space-between; gap: 12px; }
.context { color: #616061; font-size: 12.5px; }
.context .el { display: inline; margin-right: 8px; }
.header { font-size: 18px; font-weight: 900; margin-top: 8px; }
hr { border: 0; border-top: 1px solid #ddd; margin: 10px 0; }
blockquote { margin: 0; padding-left: 10px; border-left: 4px solid #ddd; }
a { color: #1264a3; text-decoration: none; }
code { background: #f6f6f6; border: 1px solid #ddd; border-radius: 3px; padding: 0 3px;
       font-size: 12px; color: #e01e5a; }
.btn { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 10px;
       font-size: 13px; font-weight: 700; margin: 2px 6px 2px 0; background: #fff;
       white-space: nowrap; }
.btn.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
.select { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 10px;
          font-size: 13px; color: #616061; margin: 2px 6px 2px 0; }
.input label { font-weight: 700; display: block; }
.input .box { border: 1px solid #bbb; border-radius: 4px; height: 28px; margin-top: 4px; }
.count { color: #999; font-size: 11px; margin-top: 14px; border-top: 1px dashed #ccc;
         padding-top: 4px; }
.view { border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; max-width: 820px; }
.view-title { font-weight: 900; font-size: 17px; margin-bottom: 8px; }
"""


def mrkdwn_html(text: str) -> str:
    """Slack mrkdwn (already escaped with entities, as we send it) as HTML."""
    lines = []
    for raw in text.split("\n"):
        quoted = raw.startswith("> ")
        if quoted:
            raw = raw[2:]
        pieces = []
        position = 0
        for match in _LINK.finditer(raw):
            pieces.append(_plain(raw[position : match.start()]))
            href = html.escape(_slack_unescape(match.group(1)))
            pieces.append(f'<a href="{href}">{_plain(match.group(2))}</a>')
            position = match.end()
        pieces.append(_plain(raw[position:]))
        line = "".join(pieces)
        line = _CODE.sub(r"<code>\1</code>", line)
        line = _BOLD.sub(r"<b>\1</b>", line)
        line = _ITALIC.sub(r"<i>\1</i>", line)
        for code, glyph in _EMOJI.items():
            line = line.replace(code, glyph)
        lines.append(f"<blockquote>{line}</blockquote>" if quoted else line)
    joined = "<br>".join(lines)
    return joined.replace("</blockquote><br><blockquote>", "<br>")


def _slack_unescape(text: str) -> str:
    for entity, char in _SLACK_ENTITIES:
        text = text.replace(entity, char)
    return text


def _plain(text: str) -> str:
    return html.escape(_slack_unescape(text), quote=False)


def _text(obj: Json) -> str:
    text = str(obj.get("text", ""))
    if obj.get("type") == "mrkdwn":
        return mrkdwn_html(text)
    rendered = html.escape(text)
    if obj.get("emoji", True):
        for code, glyph in _EMOJI.items():
            rendered = rendered.replace(code, glyph)
    return rendered


def _element(element: Json) -> str:
    kind = element.get("type")
    if kind == "button":
        style = " primary" if element.get("style") == "primary" else ""
        return f'<span class="btn{style}">{_text(element["text"])}</span>'
    if kind in ("static_select", "overflow", "external_select"):
        placeholder = element.get("placeholder") or {"type": "plain_text", "text": "⋯"}
        return f'<span class="select">{_text(placeholder)} ▾</span>'
    if kind in ("mrkdwn", "plain_text"):
        return f'<span class="el">{_text(element)}</span>'
    return f'<span class="el">[{html.escape(str(kind))}]</span>'


def _block(block: Json) -> str:
    kind = block.get("type")
    if kind == "section":
        accessory = block.get("accessory")
        side = f"<div>{_element(accessory)}</div>" if accessory else ""
        body = _text(block["text"]) if "text" in block else ""
        return f'<div class="block section"><div>{body}</div>{side}</div>'
    if kind == "context":
        inner = "".join(_element(element) for element in block.get("elements", []))
        return f'<div class="block context">{inner}</div>'
    if kind == "header":
        return f'<div class="block header">{_text(block["text"])}</div>'
    if kind == "divider":
        return "<hr>"
    if kind == "actions":
        inner = "".join(_element(element) for element in block.get("elements", []))
        return f'<div class="block actions">{inner}</div>'
    if kind == "input":
        label = _text(block.get("label") or {"type": "plain_text", "text": ""})
        return f'<div class="block input"><label>{label}</label><div class="box"></div></div>'
    return f'<div class="block">[{html.escape(str(kind))}]</div>'


def blocks_html(blocks: Sequence[Json], *, text: str | None = None, title: str = "peerbot") -> str:
    """A whole HTML page showing `blocks` as a bot message, with the block count under it."""
    body = "".join(_block(block) for block in blocks)
    fallback = f"<div class='count'>text: {html.escape(text)}</div>" if text else ""
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body><div class='msg'><div class='avatar'>pb</div>"
        f"<div><div class='who'>peerbot <small>APP</small></div>{body}"
        f"<div class='count'>{len(blocks)} blocks</div>{fallback}</div></div></body></html>"
    )


def view_html(view: Json) -> str:
    """A whole HTML page showing a view (App Home tab or modal), with its block count."""
    blocks = view.get("blocks") or []
    title = (view.get("title") or {}).get("text") or ("Home" if view.get("type") == "home" else "")
    body = "".join(_block(block) for block in blocks)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body><div class='view'>"
        f"<div class='view-title'>{html.escape(title)}</div>{body}"
        f"<div class='count'>{len(blocks)} blocks ({html.escape(str(view.get('type')))})</div>"
        f"</div></body></html>"
    )
