// The Slack module.
