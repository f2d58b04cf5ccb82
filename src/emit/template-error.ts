/**
 * A template that does not compile or render: the message starts with `path:line:column:`. A module of its own,
 * without Handlebars: the command line checks every failure against it, and only the runs that emit need
 * Handlebars loaded.
 */
export class TemplateError extends Error {}
