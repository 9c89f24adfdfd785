"""Building blocks for Kopuro's browser journeys: the live server, the browser, the accessibility
audit, the captured mailbox, and the steps a person takes (sign up, sign in...)."""
