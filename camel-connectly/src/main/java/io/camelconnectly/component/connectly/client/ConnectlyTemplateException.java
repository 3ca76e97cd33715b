package io.camelconnectly.component.connectly.client;

/**
 * A templated message does not fit its template's definition (checked before calling Connectly when
 * {@code validateTemplateParameters} is on): template not found, not approved, a variable missing or one too many.
 */
public class ConnectlyTemplateException extends ConnectlyValidationException {

    /** What is wrong. */
    public enum Problem {
        TEMPLATE_NOT_FOUND,
        TEMPLATE_NOT_APPROVED,
        MISSING_PARAMETER,
        UNKNOWN_PARAMETER
    }

    private final Problem problem;
    private final String templateName;
    private final String language;
    private final String parameter;

    public ConnectlyTemplateException(Problem problem, String templateName, String language, String parameter,
                                      String message) {
        super(parameter != null ? "templateParameters." + parameter : "templateName", parameter != null ? parameter : templateName,
              message, true);
        this.problem = problem;
        this.templateName = templateName;
        this.language = language;
        this.parameter = parameter;
    }

    public Problem getProblem() {
        return problem;
    }

    public String getTemplateName() {
        return templateName;
    }

    public String getLanguage() {
        return language;
    }

    /** The variable at fault (e.g. body_2), or null for template-level problems. */
    public String getParameter() {
        return parameter;
    }
}
