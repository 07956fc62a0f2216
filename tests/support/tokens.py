"""Bot Framework tokens for tests, signed by a key the bot trusts or by one it does not."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm


class SigningKey:
    """An RSA key pair with a key id, as the Bot Framework publishes its keys."""

    def __init__(self, kid: str) -> None:
        self.kid = kid
        self._private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict[str, Any]:
        """The public half, with the endorsement Teams tokens need."""
        data: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(self._private.public_key()))
        return {**data, "kid": self.kid, "use": "sig", "endorsements": ["msteams"]}

    def token(self, *, app_id: str, service_url: str, lifetime: int = 600) -> str:
        """A channel token as Teams would send it to the bot."""
        now = int(time.time())
        claims = {
            "iss": "https://api.botframework.com",
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now - 10,
            "exp": now + lifetime,
        }
        return jwt.encode(claims, self._private, algorithm="RS256", headers={"kid": self.kid})


class KeysServer:
    """Publishes signing keys on loopback from its own thread.

    The SDK fetches keys with a blocking HTTP call from inside the event loop, so the keys must
    be served by something that does not need that loop."""

    def __init__(self, keys: list[dict[str, Any]]) -> None:
        keys_json = json.dumps({"keys": keys}).encode()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/openid":
                    body = json.dumps(
                        {"issuer": "https://api.botframework.com", "jwks_uri": f"{owner.url}keys"}
                    ).encode()
                elif self.path == "/keys":
                    body = keys_json
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> KeysServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()
