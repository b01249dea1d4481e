// The TasksAPI module.
