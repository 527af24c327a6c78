package ganstudio.cli;

import ai.djl.engine.Engine;

import ganstudio.train.Devices;
import ganstudio.train.NativeBuild;

import picocli.CommandLine.IVersionProvider;

/** --version: GAN Studio's, DJL's and PyTorch's versions, the natives on the class path and the device. */
final class VersionText implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String own = Cli.class.getPackage().getImplementationVersion();
        NativeBuild natives = NativeBuild.current();
        Engine engine = Engine.getInstance();
        return new String[] {
            "GAN Studio " + (own == null ? "(not from the jar)" : own),
            "DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName() + " " + engine.getVersion()
                    + " (natives: " + String.join(", ", natives.flavors()) + ")",
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"),
            "device: " + Devices.describe(Devices.resolve("auto"))};
    }
}
