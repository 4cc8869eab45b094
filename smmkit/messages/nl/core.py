MESSAGES = {
    "core.or": "of",
    "error.heading": "Er ging iets mis — geen paniek, lees wat je kunt doen:",
}
