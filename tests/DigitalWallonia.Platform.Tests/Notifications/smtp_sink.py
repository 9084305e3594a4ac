"""An aiosmtpd handler for the SMTP tests: aiosmtpd's Maildir sink, plus the answers a real server gives that the
plain sink never does.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink MAILDIR [refuse=LOCAL] [defer=LOCAL] [delay=SECONDS]

refuse=LOCAL   RCPT TO a mailbox whose local part is LOCAL is answered 550 (a permanent failure)
defer=LOCAL    ... is answered 451 (a transient failure)
delay=SECONDS  every message waits this long before its final 250 (a slow server, or a hung one with a long delay)

Run with PYTHONPATH set to this file's folder. aiosmtpd's own command-line options (--tlscert, --smtpscert...) still apply.
"""

import asyncio

from aiosmtpd.handlers import Mailbox


class Sink(Mailbox):
    def __init__(self, mail_dir, refuse=None, defer=None, delay=0.0):
        super().__init__(mail_dir)
        self.refuse = refuse
        self.defer = defer
        self.delay = delay

    @classmethod
    def from_cli(cls, parser, *args):
        if not args:
            parser.error("smtp_sink.Sink needs the Maildir folder")
        settings = {}
        for arg in args[1:]:
            name, sep, value = arg.partition("=")
            if not sep or name not in ("refuse", "defer", "delay"):
                parser.error(f"smtp_sink.Sink: unknown argument {arg!r} (refuse=, defer=, delay=)")
            settings[name] = float(value) if name == "delay" else value
        return cls(args[0], **settings)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.partition("@")[0]
        if local == self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if local == self.defer:
            return f"451 4.2.0 <{address}>: Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)
