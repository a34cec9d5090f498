package vn.motcua.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For plain JUnit tests: {@code @ExtendWith(RealInfrastructureExtension.class)} hands each test class a
 * {@link TestBed} of its own (as a parameter of a test, a constructor or a {@code @BeforeAll} method).
 */
public class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        bed(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBed.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return bed(context);
    }

    private static TestBed bed(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(STORE).computeIfAbsent(classContext.getUniqueId(), id -> TestBed.create(), TestBed.class);
    }
}
