package ganstudio.tricks;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import ganstudio.config.RunConfig;
import ganstudio.data.ImageSet;

import java.util.List;

/**
 * What a trainer gives its tricks when it builds them.
 *
 * @param manager the trainer's manager, for arrays a trick keeps or draws
 * @param scheduleSteps the G iterations a GAN's schedules span (its annealing ends there)
 * @param generatorParameters the parameters a generator trick averages or watches (empty for a classifier)
 * @param trainImages a classifier's training images, which some augmentations fit themselves to (null for a GAN)
 */
public record TrickSetup(RunConfig config, NDManager manager, long scheduleSteps,
        List<Parameter> generatorParameters, ImageSet trainImages) {}
